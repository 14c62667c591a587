/// 数字脱贫 — patterns in the registry's own figures that exits were made on paper (issue #17 item 3; policy-rules
/// §7.4): (a) an exit-year income just over the line after a year below it, (b) the same income figures to the yuan
/// in several households of a village, (e) an exit recorded while the exit test finds an item not met. Each flag has
/// a score (0–100: how strongly it points to fabrication) and an explanation with the figures.
public enum PaperExitPatterns {
    public enum Pattern: String, CaseIterable, Sendable, Hashable {
        case narrowBand = "收入刚过线"
        case identical = "收入数字雷同"
        case failing = "未达标即退出"
    }

    public struct Thresholds: Sendable, Hashable {
        /// (a): within this many per cent above the line.
        public var bandPercent: Int
        /// (b): at least this many households of a village with the same figures.
        public var identicalHouseholds: Int
        public init(bandPercent: Int = 10, identicalHouseholds: Int = 3) {
            self.bandPercent = bandPercent
            self.identicalHouseholds = identicalHouseholds
        }
    }

    public struct Suspicion: Sendable, Hashable {
        public var household: Household.ID
        public var number: String
        public var village: AreaCode
        public var pattern: Pattern
        /// The year examined.
        public var year: Int
        public var score: Int
        public var explanation: String
    }

    /// The households that exited in `year` (and, for (b), every household of the year), with their incomes for
    /// `year` and `year - 1`.
    public static func evaluate(_ households: [(Household.ID, Household)], year: Int, standard: StandardSet,
                                thresholds: Thresholds = Thresholds()) -> [Suspicion] {
        var found: [Suspicion] = []
        guard let line = standard.line(for: year)?.amount else { return [] }
        let ceiling = Money(fen: line.fen + line.fen * Int64(thresholds.bandPercent) / 100)
        for (id, h) in households where h.exitYear == year {
            if let now = h.perCapitaIncome(for: year), let before = h.perCapitaIncome(for: year - 1), before < line, now >= line, now <= ceiling {
                let margin = Int((now.fen - line.fen) * 100 / max(line.fen, 1))
                found.append(Suspicion(household: id, number: h.number, village: h.villageCode, pattern: .narrowBand, year: year, score: 70 - margin * 2,
                                       explanation: "\(year - 1)年人均纯收入\(before.compactYuan)元低于当年标准，\(year)年脱贫时\(now.compactYuan)元，仅高出标准\(line.compactYuan)元的\(margin)%"))
            }
            let verdict = HouseholdExitTest.evaluate(h, year: year, standard: standard)
            if !verdict.meets {
                found.append(Suspicion(household: id, number: h.number, village: h.villageCode, pattern: .failing, year: year, score: 90,
                                       explanation: "\(year)年已标注脱贫，但核验未达标：\(verdict.missing.map(\.label).joined(separator: "、"))"))
            }
        }
        // (b) the same figures to the yuan in one village.
        var byFigures: [String: [(Household.ID, Household)]] = [:]
        for (id, h) in households {
            guard let i = h.income(for: year), let w = i.wage, let b = i.business, let t = i.transfer, w.fen + b.fen + t.fen > 0 else { continue }
            let key = "\(h.villageCode.value)|\(w.fen)|\(b.fen)|\(i.property?.fen ?? 0)|\(t.fen)|\(i.businessExpense?.fen ?? 0)"
            byFigures[key, default: []].append((id, h))
        }
        for (_, same) in byFigures where same.count >= thresholds.identicalHouseholds {
            let numbers = same.map(\.1.number).sorted()
            let i = same[0].1.income(for: year)!
            for (id, h) in same {
                found.append(Suspicion(household: id, number: h.number, village: h.villageCode, pattern: .identical, year: year, score: min(95, 50 + same.count * 10),
                                       explanation: "\(year)年收入与同村\(same.count - 1)户完全相同（工资性\(i.wage!.compactYuan)元、生产经营性\(i.business!.compactYuan)元、转移性\(i.transfer!.compactYuan)元）：\(numbers.filter { $0 != h.number }.prefix(5).joined(separator: "、"))"))
            }
        }
        return found.sorted { ($0.score, $0.number) > ($1.score, $1.number) }
    }
}
