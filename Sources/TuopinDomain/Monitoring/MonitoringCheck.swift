/// 防返贫监测研判 — the monitoring rules as a pure function of an exited household, its recorded
/// hardships, the year, the reference date and the standards (multiple of the line, income drop).
///
/// Sources: 2020 guidance (income under about 1.5× the line; sharp income drop; unavoidable spending
/// clearly above last year's income from illness, disability or disaster) and 中农组发〔2021〕7号 (three
/// categories; 两不愁三保障 and water must stay met), policy-rules §5.
public enum MonitoringCheck {
    /// The finding for one household.
    public struct Finding: Hashable, Sendable {
        public var signals: [RiskSignal]
        /// nil when no rule fires.
        public var category: MonitoringCategory?
        /// The year's income is not recorded, so the income rules could not be applied.
        public var incomeUnknown: Bool
    }

    /// The monitoring range for a year: the line × the standards' multiple (nil without a line).
    public static func range(year: Int, standard: StandardSet) -> Money? {
        standard.line(for: year).map { Money(fen: $0.amount.fen * Int64(standard.monitoringMultiple) / 100) }
    }

    /// Applies the rules to a household that has exited by `year` (others are not monitored: a household
    /// not yet exited is still being helped as a poor household).
    public static func evaluate(_ h: Household, year: Int, hardships: [Hardship] = [], referenceDate: LocalDate? = nil,
                                standard: StandardSet) -> Finding? {
        guard let exit = h.exitYear, exit <= year else { return nil }
        let ref = referenceDate ?? .yearEnd(year)
        var signals: [RiskSignal] = []
        let income = h.perCapitaIncome(for: year)
        var withinRange = false
        if let income, let range = range(year: year, standard: standard), let line = standard.line(for: year) {
            if income < range {
                withinRange = true
                signals.append(RiskSignal(rule: .lowIncome, text: "\(year)年人均纯收入 \(income.groupedYuan) 元 < 监测范围 \(range.compactYuan) 元（\(multiple(standard)) × \(line.amount.compactYuan)）"))
            }
        }
        if let income, let before = h.perCapitaIncome(for: year - 1), before.fen > 0, income < before {
            let drop = Percent.ratio(Int(before.fen - income.fen), of: Int(before.fen))!
            if drop >= standard.monitoringIncomeDrop {
                signals.append(RiskSignal(rule: .incomeDrop, text: "人均纯收入由\(year - 1)年 \(before.compactYuan) 元降至 \(income.compactYuan) 元（降 \(drop)，阈值 \(standard.monitoringIncomeDrop)）"))
            }
        }
        let lapsed = standard.checklist(year: year, village: h.villageCode).filter { $0 != .income }
            .map { HouseholdExitTest.check($0, h, year: year, referenceDate: ref, standard: standard) }.filter { !$0.met }
        if !lapsed.isEmpty {
            signals.append(RiskSignal(rule: .guaranteeLapse, text: lapsed.map { "\($0.item.label)：\($0.evidence.text)" }.joined(separator: "；")))
        }
        let windowStart = ref.adding(days: -365)
        let recent = hardships.filter { $0.occurredOn > windowStart && $0.occurredOn <= ref }
        if !recent.isEmpty {
            let cost = recent.reduce(Money.zero) { $0 + $1.cost }
            let base = h.income(for: year - 1) ?? h.income(for: year)
            if let base, cost > base.net {
                let kinds = Array(Set(recent.map(\.kind.rawValue))).sorted().joined(separator: "、")
                signals.append(RiskSignal(rule: .hardshipCost, text: "近12个月\(kinds)支出 \(cost.compactYuan) 元，超过\(base.year)年家庭纯收入 \(base.net.compactYuan) 元"))
            }
        }
        // Within the range, or the exit guarantees lapsed: not stably out of poverty. Above the range and hit by
        // a drop or a cost: a sudden hardship.
        let unstable = withinRange || income == nil || !lapsed.isEmpty
        let category: MonitoringCategory? = signals.isEmpty ? nil : (unstable ? .unstableExited : .suddenHardship)
        return Finding(signals: signals, category: category, incomeUnknown: income == nil)
    }

    private static func multiple(_ standard: StandardSet) -> String {
        let m = standard.monitoringMultiple, fraction = m % 100
        if fraction == 0 { return "\(m / 100)" }
        if fraction % 10 == 0 { return "\(m / 100).\(fraction / 10)" }
        return "\(m / 100)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }
}
