import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 汇总核对 — recomputes the summary tables (per village and per county) from the registry and lists
/// every difference; optionally rebuilds them (in one transaction, audited).
public enum AggregateCheck {
    /// The summary tables and the household column each is keyed by.
    static let tables = [("village_counts", "village_code"), ("county_counts", "county_code")]

    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        /// The village or county code of the row.
        public var villageCode: String
        public var status: String
        public var type: String
        /// (households, persons) in the summary table and recomputed from the registry.
        public var stored: (Int, Int)
        public var actual: (Int, Int)

        public static func == (a: Difference, b: Difference) -> Bool {
            a.villageCode == b.villageCode && a.status == b.status && a.type == b.type && a.stored == b.stored && a.actual == b.actual
        }

        public var description: String {
            "\(villageCode) \(status) \(type): 汇总表 \(stored.0) 户 \(stored.1) 人，重算 \(actual.0) 户 \(actual.1) 人 / summary \(stored.0)/\(stored.1), recomputed \(actual.0)/\(actual.1)"
        }
    }

    public struct Report: Sendable {
        public var rows: Int
        public var differences: [Difference]
    }

    public static func run(on db: any Database) async throws -> Report {
        var report = Report(rows: 0, differences: [])
        for (table, column) in tables {
            let part = try await differences(table: table, column: column, on: db as! any SQLDatabase)
            report.rows += part.rows
            report.differences += part.differences
        }
        return report
    }

    static func differences(table: String, column: String, on sql: any SQLDatabase) async throws -> Report {
        typealias Key = String
        var stored: [Key: (String, String, String, Int, Int)] = [:]
        for r in try await sql.raw("SELECT \(unsafeRaw: column) AS code, status, household_type, households, persons FROM \(unsafeRaw: table) WHERE households <> 0 OR persons <> 0").all() {
            let v = try r.decode(column: "code", as: String.self), s = try r.decode(column: "status", as: String.self)
            let t = try r.decode(column: "household_type", as: String.self)
            stored["\(v)|\(s)|\(t)"] = (v, s, t, try r.decode(column: "households", as: Int.self), try r.decode(column: "persons", as: Int.self))
        }
        var actual: [Key: (String, String, String, Int, Int)] = [:]
        for r in try await sql.raw("""
            SELECT \(unsafeRaw: column) AS code, status, household_type, COUNT(*) AS households, CAST(SUM(member_count) AS BIGINT) AS persons
            FROM households GROUP BY \(unsafeRaw: column), status, household_type
            """).all() {
            let v = try r.decode(column: "code", as: String.self), s = try r.decode(column: "status", as: String.self)
            let t = try r.decode(column: "household_type", as: String.self)
            actual["\(v)|\(s)|\(t)"] = (v, s, t, try r.decode(column: "households", as: Int.self), try r.decode(column: "persons", as: Int.self))
        }
        var differences: [Difference] = []
        for key in Set(stored.keys).union(actual.keys).sorted() {
            let a = stored[key], b = actual[key]
            let s = (a?.3 ?? 0, a?.4 ?? 0), t = (b?.3 ?? 0, b?.4 ?? 0)
            guard s != t, let any = a ?? b else { continue }
            differences.append(Difference(villageCode: any.0, status: any.1, type: any.2, stored: s, actual: t))
        }
        return Report(rows: actual.count, differences: differences)
    }

    /// Rebuilds the summary tables from the registry (inside the caller's transaction).
    public static func rebuild(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for (table, column) in tables {
            try await sql.raw("DELETE FROM \(unsafeRaw: table)").run()
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: column), status, household_type, households, persons)
                SELECT \(unsafeRaw: column), status, household_type, COUNT(*), SUM(member_count) FROM households GROUP BY \(unsafeRaw: column), status, household_type
                """).run()
        }
    }
}
