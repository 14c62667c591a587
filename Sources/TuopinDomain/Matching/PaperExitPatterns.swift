/// 数字脱贫 — patterns in the registry's own figures that exits were made on paper (issue #17 item 3; policy-rules
/// §7.4): (a) an exit-year income just over the line after a year below it, (b) the same income figures to the yuan
/// in several households of a village, (c) one income component multiplied in the exit year with nothing recorded
/// to back it, (d) elderly or disabled members split off the year before the exit (`splits`, HouseholdSplit.swift),
/// (e) an exit recorded while the exit test finds an item not met, (f) one account's burst of edits before an
/// assessment (`bursts`) and records changed after the exit was announced (`amendedAfterExit`). Each flag has a score (0–100: how strongly it points to fabrication) and an explanation
/// with the figures.
public enum PaperExitPatterns {
    public enum Pattern: String, CaseIterable, Sendable, Hashable {
        case narrowBand = "收入刚过线"
        case identical = "收入数字雷同"
        case multiplied = "收入成倍增长无依据"
        case split = "分户抬高人均收入"
        case burst = "评估前突击改数"
        case amended = "脱贫公告后改数"
        case failing = "未达标即退出"
    }

    public struct Thresholds: Sendable, Hashable {
        /// (a): within this many per cent above the line.
        public var bandPercent: Int
        /// (b): at least this many households of a village with the same figures.
        public var identicalHouseholds: Int
        /// (c): a component at least this many times the year before.
        public var multiple: Int
        /// (c): and the rise is at least this share (per cent) of the household's exit-year net income (it made the exit).
        public var materialPercent: Int
        public init(bandPercent: Int = 10, identicalHouseholds: Int = 3, multiple: Int = 3, materialPercent: Int = 20) {
            self.bandPercent = bandPercent
            self.identicalHouseholds = identicalHouseholds
            self.multiple = multiple
            self.materialPercent = materialPercent
        }
    }

    /// (c): what the records show behind a household's income in the exit year — payments on its benefit ledger
    /// (防漏表) and projects that name it as a beneficiary. A member's 务工 (work place or months) backs wages.
    public struct Backing: Sendable, Hashable {
        public var benefits: Set<Household.ID>
        public var projects: Set<Household.ID>
        public init(benefits: Set<Household.ID> = [], projects: Set<Household.ID> = []) {
            self.benefits = benefits
            self.projects = projects
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
                                thresholds: Thresholds = Thresholds(), backing: Backing = Backing()) -> [Suspicion] {
        var found: [Suspicion] = []
        guard let line = standard.line(for: year)?.amount else { return [] }
        let ceiling = Money(fen: line.fen + line.fen * Int64(thresholds.bandPercent) / 100)
        for (id, h) in households where h.exitYear == year {
            if let now = h.perCapitaIncome(for: year), let before = h.perCapitaIncome(for: year - 1), before < line, now >= line, now <= ceiling {
                let margin = Int((now.fen - line.fen) * 100 / max(line.fen, 1))
                found.append(Suspicion(household: id, number: h.number, village: h.villageCode, pattern: .narrowBand, year: year, score: 70 - margin * 2,
                                       explanation: "\(year - 1)年人均纯收入\(before.compactYuan)元低于当年标准，\(year)年脱贫时\(now.compactYuan)元，仅高出标准\(line.compactYuan)元的\(margin)%"))
            }
            if let s = multiplied(id, h, year: year, thresholds: thresholds, backing: backing) { found.append(s) }
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

    /// (c) — the first component multiplied without backing: wages with no member working away or for months, business
    /// or property income with no project naming the household, transfers with nothing on its benefit ledger.
    static func multiplied(_ id: Household.ID, _ h: Household, year: Int, thresholds: Thresholds, backing: Backing) -> Suspicion? {
        guard let now = h.income(for: year), let before = h.income(for: year - 1) else { return nil }
        let material = max(1, now.net.fen) * Int64(thresholds.materialPercent) / 100
        let works = h.members.contains { $0.workPlace != nil || ($0.workMonths ?? 0) > 0 }
        let parts: [(String, Money?, Money?, Bool, String)] = [
            ("工资性收入", before.wage, now.wage, works, "没有成员登记务工"),
            ("生产经营性收入", before.business, now.business, backing.projects.contains(id) || backing.benefits.contains(id), "没有产业项目或到户扶持记录"),
            ("财产性收入", before.property, now.property, backing.projects.contains(id), "没有资产收益项目记录"),
            ("转移性收入", before.transfer, now.transfer, backing.benefits.contains(id), "防漏表中没有当年发放记录"),
        ]
        for (name, b, n, backed, missing) in parts {
            guard let b, let n, b.fen > 0, n.fen >= b.fen * Int64(thresholds.multiple), n.fen - b.fen >= material, !backed else { continue }
            let ratio = Double(n.fen) / Double(b.fen)
            return Suspicion(household: id, number: h.number, village: h.villageCode, pattern: .multiplied, year: year, score: min(90, 60 + Int(ratio * 5)),
                             explanation: "\(name)由\(year - 1)年的\(b.compactYuan)元增至\(year)年脱贫时的\(n.compactYuan)元（\(String(format: "%.1f", ratio))倍），但\(missing)")
        }
        return nil
    }

    /// (f) — one account's edits of household records (户信息, 脱贫状态) in the days before an assessment.
    public struct RecordEdit: Sendable, Hashable {
        public var actor: String
        public var day: LocalDate
        public var household: Household.ID
        public init(actor: String, day: LocalDate, household: Household.ID) {
            self.actor = actor
            self.day = day
            self.household = household
        }
    }

    /// (f): every household that one account edited on a day when it edited at least `households` of them, within
    /// `days` before an assessment (an evaluation set up on `date`). Imports are not edits: a county loads its
    /// registry in one go by design.
    public static func bursts(_ edits: [RecordEdit], assessments: [(name: String, date: LocalDate)], known: [Household.ID: (number: String, village: AreaCode)],
                              year: Int, households threshold: Int = 20, days: Int = 30) -> [Suspicion] {
        var found: [String: Suspicion] = [:]
        for a in assessments {
            let window = edits.filter { $0.day <= a.date && $0.day >= a.date.adding(days: -days) }
            for (key, group) in Dictionary(grouping: window, by: { "\($0.actor)|\($0.day)" }) {
                let touched = Set(group.map(\.household))
                guard touched.count >= threshold, let first = group.first else { continue }
                let before = a.date.dayNumber - first.day.dayNumber
                for h in touched.sorted(by: { $0.rawValue < $1.rawValue }) {
                    guard let k = known[h], found["\(h.rawValue)|\(key)"] == nil else { continue }
                    found["\(h.rawValue)|\(key)"] = Suspicion(household: h, number: k.number, village: k.village, pattern: .burst, year: year,
                                                            score: min(85, 50 + touched.count / 2),
                                                            explanation: "账号\(first.actor)于\(first.day)一天内修改了\(touched.count)户的户信息或脱贫状态，\(before == 0 ? "当天即" : "\(before)天后")为\(a.name)（\(a.date)）")
                }
            }
        }
        return Array(found.values)
    }
}
