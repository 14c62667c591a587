import VaporCSQLite

/// Reads query results straight from a SQLite database file through the C API, by column position — the
/// registry scan's fast path (SQLiteNIO builds a row with a name table for each row, which cost more than
/// the exit rules). Opens its own read-only connection; used by one task at a time.
///
/// `VaporCSQLite` is the SQLite build inside sqlite-nio (symbols prefixed `sqlite_nio_`); see docs/adr/0008.
final class SQLiteFileReader: @unchecked Sendable {
    /// One value of a raw row.
    enum Value: Sendable {
        case null
        case integer(Int64)
        case text(String)
    }

    /// A raw row; values by position.
    struct Row: ScanRow, Sendable {
        let values: [Value]
        func text(_ column: ScanColumn) -> String? {
            if case .text(let s) = values[column.index] { return s }
            return nil
        }
        func int(_ column: ScanColumn) -> Int64? {
            if case .integer(let i) = values[column.index] { return i }
            return nil
        }
        func bool(_ column: ScanColumn) -> Bool? {
            if case .integer(let i) = values[column.index] { return i != 0 }
            return nil
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private var handle: OpaquePointer?

    init(path: String) throws {
        // SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let rc = sqlite_nio_sqlite3_open_v2(path, &handle, 0x0000_0001 | 0x0000_8000, nil)
        guard rc == 0 else {
            sqlite_nio_sqlite3_close(handle)
            throw Failure(description: "无法打开数据库文件 \(path) / cannot open the database file \(path) (SQLite \(rc))")
        }
    }

    deinit { sqlite_nio_sqlite3_close(handle) }

    /// Every row of a query (only numbers and fixed codes are spliced into the SQL).
    func rows(_ sql: String) throws -> [Row] {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == 0, let statement else {
            throw Failure(description: "SQLite: \(String(cString: sqlite_nio_sqlite3_errmsg(handle)))")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        var result: [Row] = []
        while true {
            let rc = sqlite_nio_sqlite3_step(statement)
            if rc == 101 { break }  // SQLITE_DONE
            guard rc == 100 else { throw Failure(description: "SQLite: \(String(cString: sqlite_nio_sqlite3_errmsg(handle)))") }
            var values: [Value] = []
            values.reserveCapacity(Int(count))
            for i in 0..<count {
                switch sqlite_nio_sqlite3_column_type(statement, i) {
                case 1: values.append(.integer(sqlite_nio_sqlite3_column_int64(statement, i)))  // SQLITE_INTEGER
                case 5: values.append(.null)  // SQLITE_NULL
                default:
                    let bytes = Int(sqlite_nio_sqlite3_column_bytes(statement, i))
                    if let p = sqlite_nio_sqlite3_column_text(statement, i) {
                        values.append(.text(String(decoding: UnsafeBufferPointer(start: p, count: bytes), as: UTF8.self)))
                    } else {
                        values.append(.null)
                    }
                }
            }
            result.append(Row(values: values))
        }
        return result
    }
}
