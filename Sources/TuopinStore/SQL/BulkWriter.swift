import FluentKit
import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// A value for a bulk insert.
public enum BulkValue: Sendable, Hashable {
    case text(String)
    case int(Int64)
    case bool(Bool)
    case date(Date)
    case null

    static func text(_ s: String?) -> BulkValue { s.map(BulkValue.text) ?? .null }
    static func int(_ i: Int?) -> BulkValue { i.map { .int(Int64($0)) } ?? .null }
    static func int64(_ i: Int64?) -> BulkValue { i.map(BulkValue.int) ?? .null }
    static func bool(_ b: Bool?) -> BulkValue { b.map(BulkValue.bool) ?? .null }
}

/// Writes many rows straight through the driver, not the ORM: multi-row INSERT statements on SQLite
/// (about 30× faster than model saves), COPY into a staging table on PostgreSQL. Use inside a transaction.
public struct BulkWriter {
    /// `ON CONFLICT (keys) DO UPDATE SET column = excluded.column` (the same on SQLite and PostgreSQL).
    public struct Upsert: Sendable {
        public var keys: [String]
        public var update: [String]
        /// Columns that count up by one on each update (a row version).
        public var increment: [String]
        public init(keys: [String], update: [String], increment: [String] = []) {
            self.keys = keys
            self.update = update
            self.increment = increment
        }
    }

    let database: any Database
    public init(_ database: any Database) { self.database = database }

    /// The most bound values in one statement (SQLite allows 32,766; PostgreSQL 65,535).
    static let maxBinds = 30_000

    /// From this many rows on, PostgreSQL gets COPY instead of a multi-row INSERT.
    static let copyThreshold = 200

    public func insert(into table: String, columns: [String], rows: [[BulkValue]], upsert: Upsert? = nil) async throws {
        _ = try await write(into: table, columns: columns, rows: rows, upsert: upsert, returningIDsKeyedBy: nil)
    }

    /// Inserts like `insert` and gives back the ID of each row written (inserted or updated), keyed by the
    /// values of `keyColumns` joined with "/", from the statement itself (`RETURNING`): no lookup afterwards.
    public func insertReturningIDs(into table: String, columns: [String], rows: [[BulkValue]], upsert: Upsert?,
                                   keyedBy keyColumns: [String]) async throws -> [String: Int64] {
        try await write(into: table, columns: columns, rows: rows, upsert: upsert, returningIDsKeyedBy: keyColumns)
    }

    /// `RETURNING id, key columns…`, or nothing.
    static func returningClause(_ keyColumns: [String]?) -> String {
        keyColumns.map { " RETURNING \"id\", " + $0.map { "\"\($0)\"" }.joined(separator: ", ") } ?? ""
    }

    private func write(into table: String, columns: [String], rows: [[BulkValue]], upsert: Upsert?,
                       returningIDsKeyedBy keyColumns: [String]?) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        guard !rows.isEmpty else { return ids }
        if keyColumns != nil { ids.reserveCapacity(rows.count) }
        let perStatement = max(1, BulkWriter.maxBinds / columns.count)
        let head = "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        let tail = upsert.map { u in
            " ON CONFLICT (\(u.keys.map { "\"\($0)\"" }.joined(separator: ", "))) DO UPDATE SET "
                + (u.update.map { "\"\($0)\" = excluded.\"\($0)\"" } + u.increment.map { "\"\($0)\" = \"\(table)\".\"\($0)\" + 1" }).joined(separator: ", ")
        } ?? ""
        let returning = BulkWriter.returningClause(keyColumns)
        var start = 0
        if let sqlite = database as? any SQLiteDatabase {
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            var fullSQL: String?
            while start < rows.count {
                let end = min(rows.count, start + perStatement)
                let n = end - start
                let sql: String
                if n == perStatement, let cached = fullSQL { sql = cached } else {
                    sql = head + Array(repeating: tuple, count: n).joined(separator: ",") + tail + returning
                    if n == perStatement { fullSQL = sql }
                }
                var binds: [SQLiteData] = []
                binds.reserveCapacity(n * columns.count)
                for row in rows[start..<end] {
                    for v in row {
                        switch v {
                        case .text(let s): binds.append(.text(s))
                        case .int(let i): binds.append(.integer(Int(i)))
                        case .bool(let b): binds.append(.integer(b ? 1 : 0))
                        case .date(let d): binds.append(.float(d.timeIntervalSince1970))
                        case .null: binds.append(.null)
                        }
                    }
                }
                for row in try await sqlite.query(sql, binds) {
                    guard let keyColumns, let id = row.column("id")?.integer else { continue }
                    ids[keyColumns.map { row.column($0)?.string ?? "" }.joined(separator: "/")] = Int64(id)
                }
                start = end
            }
            return ids
        }
        // COPY pays for a round of its own (and, for an upsert, a staging table); a few rows (one audit
        // record, one edited household) go as a plain INSERT.
        if rows.count >= BulkWriter.copyThreshold, let pg = database as? any PostgresDatabase {
            return try await PostgresCopy.insert(into: table, columns: columns, rows: rows, upsertClause: tail,
                                                 returningIDsKeyedBy: keyColumns, on: pg, logger: database.logger)
        }
        let sql = database as! any SQLDatabase
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var query = SQLQueryString(head)
            for (k, row) in rows[start..<end].enumerated() {
                if k > 0 { query.appendLiteral(",") }
                query.appendLiteral("(")
                for (j, v) in row.enumerated() {
                    if j > 0 { query.appendLiteral(",") }
                    switch v {
                    case .text(let s): query.appendInterpolation(bind: s)
                    case .int(let i): query.appendInterpolation(bind: i)
                    case .bool(let b): query.appendInterpolation(bind: b)
                    case .date(let d): query.appendInterpolation(bind: d)
                    case .null: query.appendLiteral("NULL")
                    }
                }
                query.appendLiteral(")")
            }
            query.appendLiteral(tail + returning)
            for row in try await sql.raw(query).all() {
                guard let keyColumns else { continue }
                ids[try keyColumns.map { try row.decode(column: $0, as: String.self) }.joined(separator: "/")] = try row.decode(column: "id", as: Int64.self)
            }
            start = end
        }
        return ids
    }
}

extension SQLQueryString {
    /// A bulk value as a bound parameter (NULL as the keyword), for statements built from a column list.
    mutating func appendInterpolation(value: BulkValue) {
        switch value {
        case .text(let s): appendInterpolation(bind: s)
        case .int(let i): appendInterpolation(bind: i)
        case .bool(let b): appendInterpolation(bind: b)
        case .date(let d): appendInterpolation(bind: d)
        case .null: appendLiteral("NULL")
        }
    }
}
