import FluentKit
import SQLKit
import TuopinDomain

/// 问题清单 — problems, the households each concerns and each step of their rectification. Writes run inside
/// the caller's transaction; `SupervisionService` checks and records them.
public enum ProblemStore {
    /// One step of a problem's history, as the problem page lists it.
    public struct Step: Sendable {
        public var date: LocalDate
        public var username: String
        public var action: String
        public var note: String
        public var evidence: String
        public var auditRecord: Int64?
        public var state: ProblemState

        public init(date: LocalDate, username: String, action: String, note: String, evidence: String, auditRecord: Int64?, state: ProblemState) {
            self.date = date
            self.username = username
            self.action = action
            self.note = note
            self.evidence = evidence
            self.auditRecord = auditRecord
            self.state = state
        }
    }

    /// Filters of the problem board.
    public struct Filter: Sendable {
        public var area: AreaCode?
        public var state: ProblemState?
        public var source: ProblemSource?
        public var category: String?
        public var unit: String?
        /// Only the problems overdue on this date.
        public var overdueOn: LocalDate?
        /// Only those found within these dates (a month's work list).
        public var found: ClosedRange<LocalDate>?
        /// Only those a cadre answers for (责任人).
        public var owner: Cadre.ID?
        public init(area: AreaCode? = nil, state: ProblemState? = nil, source: ProblemSource? = nil, category: String? = nil, unit: String? = nil,
                    overdueOn: LocalDate? = nil) {
            self.area = area
            self.state = state
            self.source = source
            self.category = category
            self.unit = unit
            self.overdueOn = overdueOn
        }
    }

    static func problem(_ r: any SQLRow) throws -> Problem {
        Problem(id: Problem.ID(try r.decode(column: "id", as: Int64.self)),
                source: ProblemSource(rawValue: try r.decode(column: "source", as: String.self)) ?? .higherInspection,
                area: AreaCode(try r.decode(column: "area_code", as: String.self))!, unit: try r.decode(column: "unit", as: String.self),
                owner: try r.decode(column: "owner_cadre_id", as: Int64?.self).map { Cadre.ID($0) },
                category: try r.decode(column: "category", as: String.self), description: try r.decode(column: "description", as: String.self),
                severity: ProblemSeverity(rawValue: try r.decode(column: "severity", as: String.self)) ?? .minor,
                found: LocalDate(iso: try r.decode(column: "found_date", as: String.self))!,
                deadline: LocalDate(iso: try r.decode(column: "deadline", as: String.self))!,
                state: ProblemState(rawValue: try r.decode(column: "state", as: String.self)) ?? .unclaimed,
                issuedBy: AreaCode(try r.decode(column: "issued_by", as: String.self))!, rectifier: try r.decode(column: "rectifier", as: String?.self),
                closed: try r.decode(column: "closed_date", as: String?.self).flatMap(LocalDate.init(iso:)),
                inspection: try r.decode(column: "inspection_id", as: Int64?.self).map { Inspection.ID($0) },
                workLog: try r.decode(column: "work_log_id", as: Int64?.self).map { WorkLog.ID($0) },
                parent: try r.decode(column: "parent_id", as: Int64?.self).map { Problem.ID($0) })
    }

    /// Every unit named on a problem so far.
    public static func units(on db: any Database) async throws -> Set<String> {
        Set(try await (db as! any SQLDatabase).raw("SELECT DISTINCT unit FROM problems WHERE unit <> ''").all().map { try $0.decode(column: "unit", as: String.self) })
    }

    public static func add(_ p: Problem, on db: any Database) async throws -> Problem {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw("""
            INSERT INTO problems (source, area_code, unit, owner_cadre_id, category, description, severity, found_date, deadline, state, issued_by,
            rectifier, closed_date, inspection_id, work_log_id, parent_id)
            VALUES (\(bind: p.source.rawValue), \(bind: p.area.value), \(bind: p.unit), \(bind: p.owner?.rawValue), \(bind: p.category),
            \(bind: p.description), \(bind: p.severity.rawValue), \(bind: p.found.description), \(bind: p.deadline.description), \(bind: p.state.rawValue),
            \(bind: p.issuedBy.value), \(bind: p.rectifier), \(bind: p.closed?.description), \(bind: p.inspection?.rawValue), \(bind: p.workLog?.rawValue),
            \(bind: p.parent?.rawValue))
            RETURNING id
            """).first()
        var saved = p
        saved.id = Problem.ID(try row!.decode(column: "id", as: Int64.self))
        for h in Set(p.households) {
            try await sql.raw("INSERT INTO problem_households (problem_id, household_id) VALUES (\(bind: saved.id!.rawValue), \(bind: h.rawValue))").run()
        }
        return saved
    }

    /// Writes what a step changes: owner, deadline, state, rectifier, closing date.
    public static func update(_ p: Problem, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE problems SET unit = \(bind: p.unit), owner_cadre_id = \(bind: p.owner?.rawValue), deadline = \(bind: p.deadline.description),
            state = \(bind: p.state.rawValue), rectifier = \(bind: p.rectifier), closed_date = \(bind: p.closed?.description)
            WHERE id = \(bind: p.id!.rawValue)
            """).run()
    }

    public static func addStep(_ problem: Problem.ID, _ s: Step, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO problem_steps (problem_id, step_date, username, action, note, evidence, audit_record, state)
            VALUES (\(bind: problem.rawValue), \(bind: s.date.description), \(bind: s.username), \(bind: s.action), \(bind: s.note), \(bind: s.evidence),
            \(bind: s.auditRecord), \(bind: s.state.rawValue))
            """).run()
    }

    public static func find(_ id: Problem.ID, on db: any Database) async throws -> Problem? {
        let sql = db as! any SQLDatabase
        guard var p = try await sql.raw("SELECT * FROM problems WHERE id = \(bind: id.rawValue)").first().map(problem) else { return nil }
        p.households = try await sql.raw("SELECT household_id FROM problem_households WHERE problem_id = \(bind: id.rawValue) ORDER BY household_id")
            .all().map { Household.ID(try $0.decode(column: "household_id", as: Int64.self)) }
        return p
    }

    /// 分办: a divided problem and the problems divided from it, first the one divided.
    public static func family(of root: Problem.ID, on db: any Database) async throws -> [Problem] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM problems WHERE id = \(bind: root.rawValue) OR parent_id = \(bind: root.rawValue) ORDER BY id")
            .all().map(problem)
    }

    public static func steps(of id: Problem.ID, on db: any Database) async throws -> [Step] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM problem_steps WHERE problem_id = \(bind: id.rawValue) ORDER BY id").all().map { r in
            Step(date: LocalDate(iso: try r.decode(column: "step_date", as: String.self))!, username: try r.decode(column: "username", as: String.self),
                 action: try r.decode(column: "action", as: String.self), note: try r.decode(column: "note", as: String.self),
                 evidence: try r.decode(column: "evidence", as: String.self), auditRecord: try r.decode(column: "audit_record", as: Int64?.self),
                 state: ProblemState(rawValue: try r.decode(column: "state", as: String.self)) ?? .unclaimed)
        }
    }

    static func conditions(_ f: Filter) -> SQLQueryString {
        var q: SQLQueryString = "1 = 1"
        if let a = f.area { q.appendInterpolation(" AND \(SQLConditions.within(a, column: "area_code"))" as SQLQueryString) }
        if let s = f.state { q.appendLiteral(" AND state = "); q.appendInterpolation(bind: s.rawValue) }
        if let s = f.source { q.appendLiteral(" AND source = "); q.appendInterpolation(bind: s.rawValue) }
        if let c = f.category { q.appendLiteral(" AND category = "); q.appendInterpolation(bind: c) }
        if let u = f.unit { q.appendLiteral(" AND unit = "); q.appendInterpolation(bind: u) }
        if let o = f.owner { q.appendLiteral(" AND owner_cadre_id = "); q.appendInterpolation(bind: o.rawValue) }
        if let r = f.found {
            q.appendLiteral(" AND found_date >= "); q.appendInterpolation(bind: r.lowerBound.description)
            q.appendLiteral(" AND found_date <= "); q.appendInterpolation(bind: r.upperBound.description)
        }
        if let d = f.overdueOn {
            q.appendLiteral(" AND state IN ('\(ProblemState.unclaimed.rawValue)', '\(ProblemState.rectifying.rawValue)') AND deadline < ")
            q.appendInterpolation(bind: d.description)
        }
        return q
    }

    /// The board: open problems first, the earliest deadline (so the most overdue) first; then closed ones,
    /// the latest first. A page of `limit` from `offset`, and how many match.
    public static func board(_ f: Filter, limit: Int, offset: Int, on db: any Database) async throws -> (problems: [Problem], total: Int) {
        let sql = db as! any SQLDatabase
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM problems WHERE \(conditions(f))").first()!.decode(column: "n", as: Int.self)
        let rows = try await sql.raw("""
            SELECT * FROM problems WHERE \(conditions(f))
            ORDER BY CASE WHEN state = '\(unsafeRaw: ProblemState.closed.rawValue)' THEN 1 ELSE 0 END, CASE WHEN state = '\(unsafeRaw: ProblemState.closed.rawValue)' THEN '' ELSE deadline END,
            closed_date DESC, id LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))
            """).all().map(problem)
        return (rows, total)
    }

    /// Counts by the area's parts one level down (or by unit): found, open, overdue on `date`, applied, closed.
    public struct Counts: Sendable {
        public var key: String
        public var open = 0, overdue = 0, applied = 0, closed = 0
        public var total: Int { open + applied + closed }
    }

    public static func counts(_ f: Filter, on date: LocalDate, byUnit: Bool, on db: any Database) async throws -> [Counts] {
        let sql = db as! any SQLDatabase
        let level = f.area.map { AreaLevel(rawValue: min($0.level.rawValue + 1, AreaLevel.village.rawValue)) ?? .village } ?? .county
        let key: SQLQueryString = byUnit ? "unit" : "substr(area_code, 1, \(unsafeRaw: String(level.prefixLength)))"
        var out: [String: Counts] = [:]
        for r in try await sql.raw("""
            SELECT \(key) AS k, state, CAST(SUM(CASE WHEN deadline < \(bind: date.description) THEN 1 ELSE 0 END) AS BIGINT) AS late, COUNT(*) AS n
            FROM problems WHERE \(conditions(f)) GROUP BY \(key), state
            """).all() {
            let k = try r.decode(column: "k", as: String.self)
            let n = try r.decode(column: "n", as: Int.self), late = try r.decode(column: "late", as: Int.self)
            var c = out[k] ?? Counts(key: k)
            switch ProblemState(rawValue: try r.decode(column: "state", as: String.self)) ?? .unclaimed {
            case .unclaimed, .rectifying: c.open += n; c.overdue += late
            case .applied: c.applied += n
            case .closed: c.closed += n
            }
            out[k] = c
        }
        return out.values.sorted { ($0.overdue, $0.open, $1.key) > ($1.overdue, $1.open, $0.key) }
    }

    /// The problems concerning a household, newest first.
    public static func problems(of household: Household.ID, on db: any Database) async throws -> [Problem] {
        try await (db as! any SQLDatabase).raw("""
            SELECT p.* FROM problems p JOIN problem_households h ON h.problem_id = p.id WHERE h.household_id = \(bind: household.rawValue)
            ORDER BY p.found_date DESC, p.id DESC LIMIT 50
            """).all().map(problem)
    }

    /// The problem a work log was sent on as, if it was.
    public static func fromLog(_ log: WorkLog.ID, on db: any Database) async throws -> Problem.ID? {
        try await (db as! any SQLDatabase).raw("SELECT id FROM problems WHERE work_log_id = \(bind: log.rawValue)").first()
            .map { Problem.ID(try $0.decode(column: "id", as: Int64.self)) }
    }

    /// A month's counts for a bulletin, by the area's parts one level down or by unit: found in the month, closed
    /// in it, not closed at its end, and of those past their deadline then. (A problem reopened later counts as
    /// not closed: the closing date is cleared on reopening.)
    public struct MonthCounts: Sendable, Equatable {
        public var key: String
        public var found = 0, closed = 0, open = 0, overdue = 0
        public init(key: String, found: Int = 0, closed: Int = 0, open: Int = 0, overdue: Int = 0) {
            self.key = key
            self.found = found
            self.closed = closed
            self.open = open
            self.overdue = overdue
        }
    }

    /// A month's counts by the area's parts or by unit: of the problems (`tasks` false) or of the work list's tasks.
    /// By area, a problem divided among units (分办) is found once; by unit, each unit's share counts for it.
    public static func month(under area: AreaCode?, from: LocalDate, to: LocalDate, byUnit: Bool, tasks: Bool = false,
                             on db: any Database) async throws -> [MonthCounts] {
        let sql = db as! any SQLDatabase
        let level = area.map { AreaLevel(rawValue: min($0.level.rawValue + 1, AreaLevel.village.rawValue)) ?? .village } ?? .county
        let key: SQLQueryString = byUnit ? "unit" : "substr(area_code, 1, \(unsafeRaw: String(level.prefixLength)))"
        let (f, t) = (from.description, to.description)
        var q: SQLQueryString = """
            SELECT \(key) AS k,
            CAST(SUM(CASE WHEN found_date >= \(bind: f)\(unsafeRaw: byUnit ? "" : " AND parent_id IS NULL") THEN 1 ELSE 0 END) AS BIGINT) AS found,
            CAST(SUM(CASE WHEN closed_date >= \(bind: f) AND closed_date <= \(bind: t) THEN 1 ELSE 0 END) AS BIGINT) AS closed,
            CAST(SUM(CASE WHEN closed_date IS NULL OR closed_date > \(bind: t) THEN 1 ELSE 0 END) AS BIGINT) AS still,
            CAST(SUM(CASE WHEN (closed_date IS NULL OR closed_date > \(bind: t)) AND deadline < \(bind: t) THEN 1 ELSE 0 END) AS BIGINT) AS late
            FROM problems WHERE found_date <= \(bind: t) AND source \(unsafeRaw: tasks ? "=" : "<>") \(bind: ProblemSource.workList.rawValue)
            """
        if let area { q.appendInterpolation(" AND \(SQLConditions.within(area, column: "area_code"))" as SQLQueryString) }
        q.appendInterpolation(" GROUP BY \(key)" as SQLQueryString)
        return try await sql.raw(q).all().map { r in
            MonthCounts(key: try r.decode(column: "k", as: String.self), found: try r.decode(column: "found", as: Int.self),
                        closed: try r.decode(column: "closed", as: Int.self), open: try r.decode(column: "still", as: Int.self),
                        overdue: try r.decode(column: "late", as: Int.self))
        }.filter { $0.found + $0.closed + $0.open > 0 }
         .sorted { ($0.overdue, $0.open, $1.key) > ($1.overdue, $1.open, $0.key) }
    }

    /// The problems longest past their deadline at `to` and not closed by then (the worst cases a bulletin names).
    public static func worst(under area: AreaCode?, at to: LocalDate, limit: Int, on db: any Database) async throws -> [Problem] {
        var q: SQLQueryString = """
            SELECT * FROM problems WHERE found_date <= \(bind: to.description) AND (closed_date IS NULL OR closed_date > \(bind: to.description))
            AND deadline < \(bind: to.description) AND source <> \(bind: ProblemSource.workList.rawValue)
            """
        if let area { q.appendInterpolation(" AND \(SQLConditions.within(area, column: "area_code"))" as SQLQueryString) }
        q.appendLiteral(" ORDER BY deadline, id LIMIT \(limit)")
        return try await (db as! any SQLDatabase).raw(q).all().map(problem)
    }
}
