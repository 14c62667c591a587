import FluentKit
import SQLKit
import TuopinDomain

/// 问责 — records of accountability (and commendation), with the problems each concerns.
public enum AccountabilityStore {
    static func record(_ r: any SQLRow) throws -> Accountability {
        Accountability(id: Accountability.ID(try r.decode(column: "id", as: Int64.self)),
                       action: Accountability.Action(rawValue: try r.decode(column: "action", as: String.self)) ?? .talk,
                       basis: Accountability.Basis(rawValue: try r.decode(column: "basis", as: String.self)) ?? .other,
                       unit: try r.decode(column: "unit", as: String.self), person: try r.decode(column: "person", as: String.self),
                       cadre: try r.decode(column: "cadre_id", as: Int64?.self).map { Cadre.ID($0) },
                       date: LocalDate(iso: try r.decode(column: "action_date", as: String.self))!, note: try r.decode(column: "note", as: String.self),
                       problems: [], area: AreaCode(try r.decode(column: "area_code", as: String.self))!)
    }

    public static func add(_ a: Accountability, on db: any Database) async throws -> Accountability {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw("""
            INSERT INTO accountabilities (action, basis, unit, person, cadre_id, action_date, note, area_code)
            VALUES (\(bind: a.action.rawValue), \(bind: a.basis.rawValue), \(bind: a.unit), \(bind: a.person), \(bind: a.cadre?.rawValue),
            \(bind: a.date.description), \(bind: a.note), \(bind: a.area.value)) RETURNING id
            """).first()
        var saved = a
        saved.id = Accountability.ID(try row!.decode(column: "id", as: Int64.self))
        for p in Set(a.problems) {
            try await sql.raw("INSERT INTO accountability_problems (accountability_id, problem_id) VALUES (\(bind: saved.id!.rawValue), \(bind: p.rawValue))").run()
        }
        return saved
    }

    /// Those concerning a problem, of a cadre, or within an area between two dates; the latest first.
    public static func list(problem: Problem.ID? = nil, cadre: Cadre.ID? = nil, area: AreaCode? = nil, from: LocalDate? = nil, to: LocalDate? = nil,
                            on db: any Database) async throws -> [Accountability] {
        var q: SQLQueryString = "SELECT a.* FROM accountabilities a WHERE 1 = 1"
        if let problem {
            q.appendLiteral(" AND a.id IN (SELECT accountability_id FROM accountability_problems WHERE problem_id = ")
            q.appendInterpolation(bind: problem.rawValue)
            q.appendLiteral(")")
        }
        if let cadre { q.appendLiteral(" AND a.cadre_id = "); q.appendInterpolation(bind: cadre.rawValue) }
        if let area { q.appendInterpolation(" AND \(SQLConditions.within(area, column: "a.area_code"))" as SQLQueryString) }
        if let from { q.appendLiteral(" AND a.action_date >= "); q.appendInterpolation(bind: from.description) }
        if let to { q.appendLiteral(" AND a.action_date <= "); q.appendInterpolation(bind: to.description) }
        q.appendLiteral(" ORDER BY a.action_date DESC, a.id DESC LIMIT 500")
        let sql = db as! any SQLDatabase
        var found = try await sql.raw(q).all().map(record)
        for i in found.indices {
            found[i].problems = try await sql.raw("SELECT problem_id FROM accountability_problems WHERE accountability_id = \(bind: found[i].id!.rawValue) ORDER BY problem_id")
                .all().map { Problem.ID(try $0.decode(column: "problem_id", as: Int64.self)) }
        }
        return found
    }
}
