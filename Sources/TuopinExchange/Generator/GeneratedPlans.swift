import TuopinDomain

/// 帮扶行动计划 for the demo: two or three measures for four households in five that was poor in `year`,
/// planned across the year; those planned before the last quarter mostly done (some income expected), the
/// rest under way, a few cancelled — the same for the same seed.
public enum GeneratedPlans {
    static let measures: [(PlanMeasure.Kind, String, Int64?)] = [
        (.industry, "发展养殖（土鸡200羽）", 3000), (.industry, "种植油茶5亩", 2000), (.employment, "推荐到县工业园务工", 12000),
        (.employment, "公益性岗位（护林员）", 6000), (.education, "落实雨露计划助学", nil), (.health, "家庭医生签约、慢病送药", nil),
        (.housing, "危房改造", nil), (.finance, "扶贫小额信贷5万元入股合作社", 1500), (.water, "接通自来水", nil), (.safetyNet, "纳入低保", 3600),
    ]

    public static func measures(for households: [(id: Household.ID, village: AreaCode)], year: Int, seed: UInt64) -> [(PlanMeasure, AreaCode)] {
        var random = SeededRandom(seed: seed &+ 0x9_1A45)
        var out: [(PlanMeasure, AreaCode)] = []
        for h in households where random.chance(0.8) {
            for _ in 0..<random.int(2...3) {
                let (kind, text, income) = measures[random.int(0...(measures.count - 1))]
                let month = random.int(1...12)
                let planned = LocalDate(year: year, month: month, day: random.int(1...28))!
                var m = PlanMeasure(household: h.id, kind: kind, content: text, plannedDate: planned, expectedIncome: income.map { Money(yuan: $0) })
                if random.chance(0.04) {
                    m.status = .cancelled
                } else if month <= 9 && random.chance(0.85) {
                    m.status = .done
                    m.doneDate = planned.adding(days: random.int(-20...40))
                    if m.doneDate!.year != year { m.doneDate = planned }
                } else if month <= 11 {
                    m.status = .underway
                }
                out.append((m, h.village))
            }
        }
        return out
    }
}
