import FluentKit
import SQLKit
import TuopinDomain

/// 帮扶行动计划 — each household's measures; rolled up by area and kind for village, township and county plans.
public enum PlanStore {
    static func measure(_ r: any SQLRow) throws -> PlanMeasure {
        PlanMeasure(id: PlanMeasure.ID(try r.decode(column: "id", as: Int64.self)), household: Household.ID(try r.decode(column: "household_id", as: Int64.self)),
                    kind: PlanMeasure.Kind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .other,
                    content: try r.decode(column: "content", as: String.self),
                    plannedDate: LocalDate(iso: try r.decode(column: "planned_date", as: String.self))!,
                    expectedIncome: try r.decode(column: "expected_income_fen", as: Int64?.self).map { Money(fen: $0) },
                    status: PlanMeasure.Status(rawValue: try r.decode(column: "status", as: String.self)) ?? .planned,
                    doneDate: try r.decode(column: "done_date", as: String?.self).flatMap(LocalDate.init(iso:)))
    }

    public static func measures(of household: Household.ID, on db: any Database) async throws -> [PlanMeasure] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM plan_measures WHERE household_id = \(bind: household.rawValue) ORDER BY planned_date, id")
            .all().map(measure)
    }

    public static func find(_ id: PlanMeasure.ID, on db: any Database) async throws -> PlanMeasure? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM plan_measures WHERE id = \(bind: id.rawValue)").first().map(measure)
    }

    /// Adds a measure (with the household's village, for the roll-up) and returns it with its ID.
    public static func add(_ m: PlanMeasure, village: AreaCode, on db: any Database) async throws -> PlanMeasure {
        let row = try await (db as! any SQLDatabase).raw("""
            INSERT INTO plan_measures (household_id, village_code, kind, content, planned_date, expected_income_fen, status, done_date)
            VALUES (\(bind: m.household.rawValue), \(bind: village.value), \(bind: m.kind.rawValue), \(bind: m.content), \(bind: m.plannedDate.description),
            \(bind: m.expectedIncome?.fen), \(bind: m.status.rawValue), \(bind: m.doneDate?.description)) RETURNING id
            """).first()
        var saved = m
        saved.id = PlanMeasure.ID(try row!.decode(column: "id", as: Int64.self))
        return saved
    }

    public static func setStatus(_ id: PlanMeasure.ID, _ status: PlanMeasure.Status, done: LocalDate?, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE plan_measures SET status = \(bind: status.rawValue), done_date = \(bind: done?.description) WHERE id = \(bind: id.rawValue)
            """).run()
    }

    /// Measures under an area by kind and status (the village, township and county plans roll up from households).
    public static func rollUp(under area: AreaCode, on db: any Database) async throws -> [(kind: PlanMeasure.Kind, status: PlanMeasure.Status, count: Int, income: Money)] {
        try await (db as! any SQLDatabase).raw("""
            SELECT kind, status, COUNT(*) AS n, CAST(COALESCE(SUM(expected_income_fen), 0) AS BIGINT) AS fen FROM plan_measures
            WHERE \(SQLConditions.within(area, column: "village_code")) GROUP BY kind, status ORDER BY kind, status
            """).all().compactMap { r in
            guard let kind = PlanMeasure.Kind(rawValue: try r.decode(column: "kind", as: String.self)),
                  let status = PlanMeasure.Status(rawValue: try r.decode(column: "status", as: String.self)) else { return nil }
            return (kind, status, try r.decode(column: "n", as: Int.self), Money(fen: try r.decode(column: "fen", as: Int64.self)))
        }
    }

    /// Per month of `year` under an area: measures due (planned that month, not cancelled), done (that month)
    /// and the income the done ones were expected to add; with the visits logged and the problems they found.
    public static func months(under area: AreaCode, year: Int, on db: any Database) async throws -> [PlanProgress.Month] {
        let sql = db as! any SQLDatabase
        let prefix = "\(year)-%"
        var months: [Int: PlanProgress.Month] = [:]
        func month(_ text: String) -> Int? { Int(text) }
        for r in try await sql.raw("""
            SELECT substr(planned_date, 6, 2) AS m, COUNT(*) AS n FROM plan_measures
            WHERE \(SQLConditions.within(area, column: "village_code")) AND planned_date LIKE \(bind: prefix) AND status <> \(bind: PlanMeasure.Status.cancelled.rawValue)
            GROUP BY substr(planned_date, 6, 2)
            """).all() {
            guard let m = month(try r.decode(column: "m", as: String.self)) else { continue }
            months[m, default: .init(month: m)].due = try r.decode(column: "n", as: Int.self)
        }
        for r in try await sql.raw("""
            SELECT substr(done_date, 6, 2) AS m, COUNT(*) AS n, CAST(COALESCE(SUM(expected_income_fen), 0) AS BIGINT) AS fen FROM plan_measures
            WHERE \(SQLConditions.within(area, column: "village_code")) AND done_date LIKE \(bind: prefix) AND status = \(bind: PlanMeasure.Status.done.rawValue)
            GROUP BY substr(done_date, 6, 2)
            """).all() {
            guard let m = month(try r.decode(column: "m", as: String.self)) else { continue }
            months[m, default: .init(month: m)].done = try r.decode(column: "n", as: Int.self)
            months[m, default: .init(month: m)].doneIncome = Money(fen: try r.decode(column: "fen", as: Int64.self))
        }
        for r in try await sql.raw("""
            SELECT substr(log_date, 6, 2) AS m, COUNT(*) AS n, CAST(SUM(CASE WHEN problems <> '' THEN 1 ELSE 0 END) AS BIGINT) AS p FROM work_logs
            WHERE \(SQLConditions.within(area, column: "village_code")) AND log_date LIKE \(bind: prefix) AND kind = \(bind: WorkLog.Kind.visit.rawValue)
            GROUP BY substr(log_date, 6, 2)
            """).all() {
            guard let m = month(try r.decode(column: "m", as: String.self)) else { continue }
            months[m, default: .init(month: m)].visits = try r.decode(column: "n", as: Int.self)
            months[m, default: .init(month: m)].problemsFound = try r.decode(column: "p", as: Int.self)
        }
        return months.values.sorted { $0.month < $1.month }
    }
}
