import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 责任体系 — who holds which post for which village and household, whether every poor village and household
/// is covered, whether each holder met the duty rules in a month or quarter (from their work logs alone), and
/// a cadre's own page: their households, what they still owe this month, and the visit they log once.
public enum ResponsibilityService {
    /// One finding of the duty table, with the names it is read by.
    public struct DutyRow: Sendable {
        public var cadre: Cadre
        public var areaName: String
        public var finding: DutyCompliance.Finding
    }

    public struct DutyReport: Sendable {
        public var period: DutyPeriod
        public var area: AreaCode?
        public var rows: [DutyRow]
        /// Unexplained absences per cadre in the period (months short of a days-in-village rule after leave).
        public var absences: [Cadre.ID: Int]
        public var shortfalls: [DutyRow] { rows.filter { !$0.finding.met } }

        /// The table `tuopin duty` prints and /duty.csv writes (docs/RESPONSIBILITY.md), header first; with
        /// `absences`, the note ends with each cadre's unexplained absences and the ladder's ceiling.
        public func table(onlyShort: Bool = false, absences withAbsences: Bool) -> [[String]] {
            [Self.header] + (onlyShort ? shortfalls : rows).map { r in
                let f = r.finding
                var note = f.note
                if withAbsences, let n = absences[r.cadre.id!], n > 0 { note += "；未说明缺勤 \(n) 次（\(AbsenceLadder.ceiling(absences: n))）" }
                return [f.area.value, r.cadre.name, r.cadre.unit, f.layer, f.rule.text, String(f.required), String(f.actual), f.met ? "是" : "否", note]
            }
        }

        public static let header = ["区划代码", "姓名", "单位", "职责", "规则", "要求", "实际", "是否达标", "说明"]
    }

    /// 履职情况: every post held within `area` (the actor's whole sight when nil) over `period`.
    public static func duty(period: DutyPeriod, area requested: AreaCode?, in ctx: ServiceContext) async throws -> DutyReport {
        try ctx.user.require(.readRegistry)
        let area = try ctx.area(requested)
        let assignments = try await CadreStore.assignments(under: area, on: ctx.db)
        let pairings = try await CadreStore.pairings(under: area, on: ctx.db)
        let ids = Array(Set(assignments.map(\.cadre) + pairings.map(\.cadre)))
        let logs = try await WorkLogStore.logs(from: period.first, to: period.last, cadres: ids, on: ctx.db)
        let loaded = ctx.responsibility
        let helper = loaded.householdLayer?.name ?? "帮扶责任人"
        let findings = DutyCompliance.evaluate(rules: loaded.rules, assignments: assignments, pairings: pairings, householdLayer: helper,
                                               logs: logs, period: period)
        var absences: [Cadre.ID: Int] = [:]
        for month in months(of: period) {
            for f in DutyCompliance.evaluate(rules: loaded.rules.filter { $0.measure == .daysInArea && $0.per == .month }, assignments: assignments,
                                             pairings: [], householdLayer: helper, logs: logs.filter { month.contains($0.date) }, period: month)
            where f.unexplainedDays > 0 {
                absences[f.cadre, default: 0] += 1
            }
        }
        let cadres = try await CadreStore.byID(ids, on: ctx.db)
        let names = try await AreaStore.names(of: Array(Set(findings.map(\.area))), on: ctx.db)
        let rows = findings.compactMap { f in cadres[f.cadre].map { DutyRow(cadre: $0, areaName: names[f.area] ?? f.area.value, finding: f) } }
            .sorted { ($0.finding.area, $0.cadre.name, $0.finding.layer, $0.finding.rule.measure.rawValue) < ($1.finding.area, $1.cadre.name, $1.finding.layer, $1.finding.rule.measure.rawValue) }
        return DutyReport(period: period, area: area, rows: rows, absences: absences)
    }

    static func months(of period: DutyPeriod) -> [DutyPeriod] {
        switch period.length {
        case .month: [period]
        case .quarter: (0..<3).map { DutyPeriod.month(period.year, (period.index - 1) * 3 + 1 + $0) }
        case .year: (1...12).map { DutyPeriod.month(period.year, $0) }
        }
    }

    /// 责任覆盖 — the gaps in an area on a date, with names.
    public struct Coverage: Sendable {
        public var date: LocalDate
        public var gaps: [CoverageCheck.Gap]
        public var villages: Int
        public var areaNames: [AreaCode: String]
        public var cadres: [Cadre.ID: Cadre]
        public var households: [Household.ID: HouseholdStore.Reference]
        public var set: ResponsibilitySet
    }

    public static func coverage(area requested: AreaCode?, on date: LocalDate, in ctx: ServiceContext) async throws -> Coverage {
        try ctx.user.require(.readRegistry)
        guard let area = try ctx.area(requested) else {
            throw Refused(.invalid, "请选择县、乡镇或村", "choose a county, township or village", field: "area")
        }
        let villages = try await VillageStore.poorVillages(under: area, year: date.year, on: ctx.db)
        let households = try await HouseholdStore.pending(under: area, on: ctx.db)
        let gaps = CoverageCheck.evaluate(set: ctx.responsibility.active, poorVillages: villages, poorHouseholds: households,
                                          assignments: try await CadreStore.assignments(under: area.ancestor(at: .county) ?? area, on: ctx.db),
                                          pairings: try await CadreStore.pairings(under: area, on: ctx.db), on: date)
        let cadres = try await CadreStore.byID(gaps.compactMap(\.cadre), on: ctx.db)
        let refs = try await HouseholdStore.references(ids: gaps.compactMap(\.household), on: ctx.db)
        let names = try await AreaStore.names(of: Array(Set(gaps.map(\.area) + villages)), on: ctx.db)
        return Coverage(date: date, gaps: gaps, villages: villages.count, areaNames: names, cadres: cadres, households: refs,
                        set: ctx.responsibility.active)
    }

    /// 我的帮扶 — the signed-in cadre's households, posts, this period's duties and recent logs.
    public struct Mine: Sendable {
        public var cadre: Cadre
        public var pairings: [(pairing: Pairing, household: HouseholdStore.Reference)]
        public var assignments: [Assignment]
        public var period: DutyPeriod
        public var findings: [DutyCompliance.Finding]
        public var logs: [WorkLog]
        public var areaNames: [AreaCode: String]
    }

    public static func mine(period: DutyPeriod, in ctx: ServiceContext) async throws -> Mine {
        try ctx.user.require(.logWork)
        guard let cadre = try await CadreStore.find(username: ctx.user.username, on: ctx.db), let id = cadre.id else {
            throw Refused(.notFound, "您的账号尚未登记为干部，请县扶贫办在干部名单中填写登录名", "your account is not linked to a cadre yet")
        }
        let today = ctx.today
        let pairings = try await CadreStore.pairings(under: nil, cadre: id, on: ctx.db).filter { $0.holds(on: today) || $0.overlaps(period.first, period.last) }
        let refs = try await HouseholdStore.references(ids: pairings.map(\.household), on: ctx.db)
        let assignments = try await CadreStore.assignments(under: nil, cadre: id, on: ctx.db).filter { $0.overlaps(period.first, period.last) }
        let logs = try await WorkLogStore.logs(from: period.first, to: period.last, cadres: [id], on: ctx.db)
        let helper = ctx.responsibility.householdLayer?.name ?? "帮扶责任人"
        let findings = DutyCompliance.evaluate(rules: ctx.responsibility.rules, assignments: assignments, pairings: pairings, householdLayer: helper,
                                               logs: logs, period: period)
        let names = try await AreaStore.names(of: Array(Set(assignments.map(\.area) + pairings.map(\.village))), on: ctx.db)
        return Mine(cadre: cadre, pairings: pairings.compactMap { p in refs[p.household].map { (p, $0) } }, assignments: assignments,
                    period: period, findings: findings, logs: logs.reversed(), areaNames: names)
    }

    /// 记录走访 — the form a cadre fills in once, in the village: the household (one of theirs, or any in
    /// sight when standing in) or the village, what was done and said, problems and measures.
    public struct VisitForm: Sendable {
        public var date: String
        public var kind: String
        public var household: String
        public var village: String
        public var stayedNight: Bool
        public var content: String
        public var householdSaid: String
        public var problems: String
        public var measures: String
        public var approvedBy: String

        public init(date: String, kind: String, household: String, village: String, stayedNight: Bool, content: String, householdSaid: String,
                    problems: String, measures: String, approvedBy: String) {
            self.date = date
            self.kind = kind
            self.household = household
            self.village = village
            self.stayedNight = stayedNight
            self.content = content
            self.householdSaid = householdSaid
            self.problems = problems
            self.measures = measures
            self.approvedBy = approvedBy
        }
    }

    public static func log(_ form: VisitForm, in ctx: ServiceContext) async throws -> FormResult<WorkLog> {
        try ctx.user.require(.logWork)
        guard let cadre = try await CadreStore.find(username: ctx.user.username, on: ctx.db), let id = cadre.id else {
            throw Refused(.notFound, "您的账号尚未登记为干部", "your account is not linked to a cadre yet")
        }
        var faults: [String: String] = [:]
        var date: LocalDate?
        switch EventDate.parse(form.date, field: "date", label: "日期", today: ctx.today) {
        case .success(let d) where d > ctx.today: faults["date"] = "日志只记已做的工作，日期不能晚于今天 / a log records work done: not after today"
        case .success(let d): date = d
        case .failure(let f): faults["date"] = f.description
        }
        let kind = WorkLog.Kind.parse(form.kind)
        if kind == nil { faults["kind"] = "请选择类别 / choose a kind" }
        for (key, text) in [("content", form.content), ("householdSaid", form.householdSaid), ("problems", form.problems), ("measures", form.measures)] {
            if let f = TextRule.fault(text, .freeText) { faults[key] = f }
            if text.count > 2000 { faults[key] = "不超过2000字 / at most 2,000 characters" }
        }
        var village = AreaCode(form.village)
        var household: Household.ID?
        let pairings = try await CadreStore.pairings(under: nil, cadre: id, on: ctx.db)
        if kind == .visit {
            if let hid = Int64(form.household), let ref = try await HouseholdStore.references(ids: [Household.ID(hid)], on: ctx.db)[Household.ID(hid)],
               pairings.contains(where: { $0.household == ref.id }) || ctx.user.scope.includes(ref.village) {
                household = ref.id
                village = ref.village
            } else {
                faults["household"] = "请选择走访的户 / choose the household visited"
            }
        } else if village?.level != .village {
            faults["village"] = "请选择所在的村 / choose the village"
        } else if let v = village {
            let mine = Set(pairings.map(\.village)).union(try await CadreStore.assignments(under: nil, cadre: id, on: ctx.db).map(\.area))
            if !mine.contains(where: { $0.contains(v) }) && !ctx.user.scope.includes(v) {
                faults["village"] = "只能记录本人结对或驻村的村 / only a village you are posted to or pair households in"
            }
        }
        if kind == .leave, form.approvedBy.trimmingCharacters(in: .whitespaces).isEmpty {
            faults["approvedBy"] = "请假须写明批准单位（3天以内乡镇党委，以上县委组织部） / name who approved the leave"
        }
        guard faults.isEmpty, let date, let kind, let village else { return .rejected(FormRejection(faults: faults)) }
        let entry = WorkLog(cadre: id, date: date, kind: kind, village: village, household: household, stayedNight: form.stayedNight,
                            content: form.content, householdSaid: form.householdSaid, problems: form.problems, measures: form.measures,
                            approvedBy: form.approvedBy.trimmingCharacters(in: .whitespaces))
        let saved = try await ctx.transaction { tx in
            let saved = try await WorkLogStore.add(entry, on: tx.db)
            try await tx.record(ResponsibilityEvent.logged(saved, cadre: "\(cadre.name)（\(cadre.unit)）"))
            return saved
        }
        return .done(saved)
    }

    /// Whether the signed-in cadre is paired with the household on `date`.
    static func isPaired(_ household: Household.ID, on date: LocalDate, in ctx: ServiceContext) async throws -> Bool {
        guard let cadre = try await CadreStore.find(username: ctx.user.username, on: ctx.db), let id = cadre.id else { return false }
        return try await CadreStore.pairings(under: nil, cadre: id, household: household, on: ctx.db).contains { $0.holds(on: date) }
    }

    /// A household's helpers (current and past) and its recent visits, for its page.
    public static func household(_ id: Household.ID, in ctx: ServiceContext) async throws -> (pairings: [(Pairing, Cadre)], visits: [(WorkLog, Cadre)]) {
        try ctx.user.require(.readRegistry)
        let pairings = try await CadreStore.pairings(under: nil, household: id, on: ctx.db)
        let visits = try await WorkLogStore.visits(to: id, on: ctx.db)
        let cadres = try await CadreStore.byID(pairings.map(\.cadre) + visits.map(\.cadre), on: ctx.db)
        return (pairings.compactMap { p in cadres[p.cadre].map { (p, $0) } }, visits.compactMap { l in cadres[l.cadre].map { (l, $0) } })
    }
}
