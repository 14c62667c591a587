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
            let rows = try await sql.raw(q).all()
            guard let last = rows.last else { break }
            lastID = try last.decode(column: "id", as: Int64.self)
            for (_, h) in try await HouseholdSnapshot.households(rows, idRange: true, on: sql) {
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
