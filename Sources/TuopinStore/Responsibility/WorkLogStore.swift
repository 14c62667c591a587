import FluentKit
import SQLKit
import TuopinDomain

/// 工作日志 — cadres' logs, read by period for the duty rules and by household for its page.
public enum WorkLogStore {
    static let columns = ["cadre_id", "log_date", "kind", "village_code", "household_id", "stayed_night", "content", "household_said",
                          "problems", "measures", "approved_by"]

    static func row(_ l: WorkLog) -> [BulkValue] {
        [.int(l.cadre.rawValue), .text(l.date.description), .text(l.kind.rawValue), .text(l.village.value), .int64(l.household?.rawValue),
         .bool(l.stayedNight), .text(l.content), .text(l.householdSaid), .text(l.problems), .text(l.measures), .text(l.approvedBy)]
    }

    static func log(_ r: any SQLRow) throws -> WorkLog {
        WorkLog(id: WorkLog.ID(try r.decode(column: "id", as: Int64.self)), cadre: Cadre.ID(try r.decode(column: "cadre_id", as: Int64.self)),
                date: LocalDate(iso: try r.decode(column: "log_date", as: String.self))!,
                kind: WorkLog.Kind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .villageWork,
                village: AreaCode(try r.decode(column: "village_code", as: String.self))!,
                household: try r.decode(column: "household_id", as: Int64?.self).map { Household.ID($0) },
                stayedNight: try r.decode(column: "stayed_night", as: Bool.self), content: try r.decode(column: "content", as: String.self),
                householdSaid: try r.decode(column: "household_said", as: String.self), problems: try r.decode(column: "problems", as: String.self),
                measures: try r.decode(column: "measures", as: String.self), approvedBy: try r.decode(column: "approved_by", as: String.self))
    }

    /// Writes logs in bulk (an import), inside the caller's transaction.
    public static func add(_ logs: [WorkLog], on db: any Database) async throws {
        try await BulkWriter(db).insert(into: "work_logs", columns: columns, rows: logs.map(row))
    }

    /// Writes one log and returns it with its ID.
    public static func add(_ l: WorkLog, on db: any Database) async throws -> WorkLog {
        var values: SQLQueryString = "INSERT INTO work_logs (cadre_id, log_date, kind, village_code, household_id, stayed_night, content, household_said, problems, measures, approved_by) VALUES ("
        values.appendInterpolation(bind: l.cadre.rawValue)
        for v in [l.date.description, l.kind.rawValue, l.village.value] { values.appendLiteral(", "); values.appendInterpolation(bind: v) }
        values.appendLiteral(", "); values.appendInterpolation(bind: l.household?.rawValue)
        values.appendLiteral(", "); values.appendInterpolation(bind: l.stayedNight)
        for v in [l.content, l.householdSaid, l.problems, l.measures, l.approvedBy] { values.appendLiteral(", "); values.appendInterpolation(bind: v) }
        values.appendLiteral(") RETURNING id")
        let row = try await (db as! any SQLDatabase).raw(values).first()
        var saved = l
        saved.id = WorkLog.ID(try row!.decode(column: "id", as: Int64.self))
        return saved
    }

    /// Logs between two dates: of the given cadres, or in villages within `area` (all when both are nil).
    public static func logs(from: LocalDate, to: LocalDate, cadres: [Cadre.ID]? = nil, area: AreaCode? = nil,
                            on db: any Database) async throws -> [WorkLog] {
        var q: SQLQueryString = "SELECT * FROM work_logs WHERE log_date BETWEEN \(bind: from.description) AND \(bind: to.description)"
        if let cadres {
            guard !cadres.isEmpty else { return [] }
            q.appendLiteral(" AND cadre_id IN (")
            q.appendInterpolation(binds: cadres.map(\.rawValue))
            q.appendLiteral(")")
        }
        if let area { q.appendInterpolation(" AND \(SQLConditions.within(area, column: "village_code"))" as SQLQueryString) }
        q.appendLiteral(" ORDER BY log_date, id")
        return try await (db as! any SQLDatabase).raw(q).all().map(log)
    }

    public static func find(_ id: WorkLog.ID, on db: any Database) async throws -> WorkLog? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM work_logs WHERE id = \(bind: id.rawValue)").first().map(log)
    }

    /// A household's visits, newest first.
    public static func visits(to household: Household.ID, on db: any Database) async throws -> [WorkLog] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM work_logs WHERE household_id = \(bind: household.rawValue) ORDER BY log_date DESC, id DESC LIMIT 100")
            .all().map(log)
    }
}
