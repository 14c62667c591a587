/// 履职情况 — each duty rule checked for each post holder over a period, from the work logs alone: what was
/// required, what the logs show, the leave taken, and the shortfall in words ("在村 14 天 < 20 天；请假 2 天").
/// A rule applies to a post held for part of the period in proportion to the days held.
public enum DutyCompliance {
    public struct Finding: Hashable, Sendable {
        public var cadre: Cadre.ID
        public var layer: String
        /// The posted area (a village or township), or the village of the paired households.
        public var area: AreaCode
        public var rule: DutyRule
        public var required: Int
        public var actual: Int
        public var leaveDays: Int
        /// The logs that count towards `actual`.
        public var evidence: [WorkLog.ID]
        public var met: Bool { actual + (rule.measure == .daysInArea ? leaveDays : 0) >= required }
        /// Days short once approved leave is counted (days-in-area rules only): unexplained absence.
        public var unexplainedDays: Int { rule.measure == .daysInArea ? max(0, required - actual - leaveDays) : 0 }

        /// "在村天数 14 天 < 20 天；请假 2 天"
        public var note: String {
            let unit = rule.measure.unit
            var text = met ? "\(rule.measure.rawValue) \(actual) \(unit) ≥ \(required) \(unit)" : "\(rule.measure.rawValue) \(actual) \(unit) < \(required) \(unit)"
            if leaveDays > 0 { text += "；请假 \(leaveDays) 天" }
            return text
        }
    }

    /// The findings for every post held during `period` (village and township posts from `assignments`,
    /// the household post from `pairings`, named `householdLayer`), under `rules`.
    public static func evaluate(rules: [DutyRule], assignments: [Assignment], pairings: [Pairing], householdLayer: String,
                                logs: [WorkLog], period: DutyPeriod) -> [Finding] {
        let byCadre = Dictionary(grouping: logs.filter { period.contains($0.date) }, by: \.cadre)
        var findings: [Finding] = []
        for a in assignments where a.overlaps(period.first, period.last) {
            let window = (max(a.start, period.first), min(a.end ?? period.last, period.last))
            let mine = (byCadre[a.cadre] ?? []).filter { window.0 <= $0.date && $0.date <= window.1 && a.area.contains($0.village) }
            for rule in rules where rule.layer == a.layer {
                guard let full = rule.required(over: period) else { continue }
                let required = prorated(full, window, period)
                let (actual, evidence) = count(rule.measure, mine, households: [])
                let leave = Set(mine.filter { $0.kind == .leave }.map(\.date)).count
                findings.append(Finding(cadre: a.cadre, layer: a.layer, area: a.area, rule: rule, required: required, actual: actual,
                                        leaveDays: leave, evidence: evidence))
            }
        }
        // The household post: one finding per cadre and rule, over the households paired with them in the period.
        let paired = Dictionary(grouping: pairings.filter { $0.overlaps(period.first, period.last) }, by: \.cadre)
        for (cadre, list) in paired.sorted(by: { $0.key < $1.key }) {
            let mine = byCadre[cadre] ?? []
            for rule in rules where rule.layer == householdLayer {
                guard let required = rule.required(over: period) else { continue }
                let (actual, evidence) = count(rule.measure, mine, households: list.map(\.household))
                findings.append(Finding(cadre: cadre, layer: householdLayer, area: list[0].village, rule: rule, required: required,
                                        actual: actual, leaveDays: Set(mine.filter { $0.kind == .leave }.map(\.date)).count, evidence: evidence))
            }
        }
        return findings
    }

    static func prorated(_ full: Int, _ window: (LocalDate, LocalDate), _ period: DutyPeriod) -> Int {
        let held = window.1.days(since: window.0) + 1, all = period.last.days(since: period.first) + 1
        guard held < all else { return full }
        return (full * held + all - 1) / all
    }

    /// What the logs show for a measure, and which logs count.
    static func count(_ measure: DutyRule.Measure, _ logs: [WorkLog], households: [Household.ID]) -> (Int, [WorkLog.ID]) {
        switch measure {
        case .daysInArea, .areaVisits:
            var days: [LocalDate: WorkLog.ID] = [:]
            for l in logs where l.isDayInVillage { days[l.date] = days[l.date] ?? l.id ?? 0 }
            return (days.count, days.keys.sorted().compactMap { days[$0] })
        case .nightsInArea:
            let nights = logs.filter { $0.isDayInVillage && $0.stayedNight }
            let byDay = Dictionary(grouping: nights, by: \.date)
            return (byDay.count, byDay.keys.sorted().compactMap { byDay[$0]?.first?.id })
        case .meetings:
            let m = logs.filter { $0.kind == .meeting }
            return (m.count, m.compactMap(\.id))
        case .visitsPerHousehold:
            guard !households.isEmpty else { return (0, []) }
            let visits = logs.filter { $0.kind == .visit && $0.household.map(households.contains) == true }
            let perHousehold = households.map { h in visits.filter { $0.household == h }.count }
            return (perHousehold.min() ?? 0, visits.compactMap(\.id))
        }
    }
}

/// 未说明缺勤 — the ladder of policy-rules §6.4: one unexplained absence and the holder cannot be rated 优秀,
/// two and at best 基本称职, three or more 不称职. A month whose days-in-village rule is short after approved
/// leave counts as one absence.
public enum AbsenceLadder {
    public static func ceiling(absences: Int) -> String {
        switch absences {
        case 0: "可评优秀"
        case 1: "不能评为优秀"
        case 2: "最高评为基本称职"
        default: "不称职"
        }
    }
}
