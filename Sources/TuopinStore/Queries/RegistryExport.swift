import FluentKit
import Foundation
import SQLKit
import TuopinDomain
import TuopinExchange

/// Writes the registry (or one area of it) in the exchange format, a chunk of households at a time,
/// reading with plain SQL (model hydration through the ORM took three times as long).
public enum RegistryExport {
    public struct Outcome: Sendable {
        public var households = 0
        public var members = 0
    }

    public static func write(area: AreaCode?, to url: URL, on db: any Database,
                             progress: (@Sendable (Int) -> Void)? = nil) async throws -> Outcome {
        let sql = db as! any SQLDatabase
        var writer = try RegistryFileWriters.open(url)
        var outcome = Outcome()
        var lastID: Int64 = 0
        let (lo, hi) = (area ?? AreaCode("110000")!).villageRange
        let areaClause: SQLQueryString = area == nil ? "" : " AND village_code BETWEEN \(bind: lo) AND \(bind: hi)"
        while true {
            var q: SQLQueryString = "SELECT * FROM households WHERE id > \(bind: lastID)"
            q.appendInterpolation(areaClause)
            q.appendLiteral(" ORDER BY id LIMIT 2000")
            let households = try await sql.raw(q).all()
            guard let last = households.last else { break }
            let first = try households[0].decode(column: "id", as: Int64.self)
            lastID = try last.decode(column: "id", as: Int64.self)
            // Members and incomes of the chunk by ID range (a superset when an area is given; unmatched rows are skipped).
            var members: [Int64: [Member]] = [:]
            for row in try await sql.raw("SELECT * FROM members WHERE household_id BETWEEN \(bind: first) AND \(bind: lastID) ORDER BY household_id, position").all() {
                if let m = try RowMapping.member(row) { members[try row.decode(column: "household_id", as: Int64.self), default: []].append(m) }
            }
            var incomes: [Int64: [HouseholdIncome]] = [:]
            for row in try await sql.raw("SELECT * FROM household_incomes WHERE household_id BETWEEN \(bind: first) AND \(bind: lastID) ORDER BY household_id, year").all() {
                incomes[try row.decode(column: "household_id", as: Int64.self), default: []].append(try RowMapping.income(row))
            }
            for row in households {
                let id = try row.decode(column: "id", as: Int64.self)
                guard let h = try RowMapping.household(row, members: members[id] ?? [], incomes: incomes[id] ?? []) else { continue }
                for r in RegistryRowFormatter.rows(h) { try writer.write(row: r) }
                outcome.households += 1
                outcome.members += h.members.count
            }
            progress?(outcome.households)
        }
        try writer.close()
        return outcome
    }
}
