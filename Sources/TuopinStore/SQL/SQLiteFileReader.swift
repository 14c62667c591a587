import TuopinDomain
import VaporCSQLite

/// Reads query results straight from a SQLite database file through the C API, by column position — the
/// registry scan's fast path (SQLiteNIO builds a row with a name table for each row, which cost more than
/// the exit rules). Opens its own read-only connection; used by one task at a time.
///
/// `VaporCSQLite` is the SQLite build inside sqlite-nio (symbols prefixed `sqlite_nio_`); see docs/adr/0008.
final class SQLiteFileReader: @unchecked Sendable {
    /// The current row of a stepping statement, read in place: nothing is copied but the values asked for.
    struct StatementRow: ScanRow {
        let statement: OpaquePointer
        func text(_ column: ScanColumn) -> String? {
            let i = Int32(column.index)
            guard sqlite_nio_sqlite3_column_type(statement, i) != 5, let p = sqlite_nio_sqlite3_column_text(statement, i) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite_nio_sqlite3_column_bytes(statement, i))), as: UTF8.self)
        }
        func int(_ column: ScanColumn) -> Int64? {
            let i = Int32(column.index)
            return sqlite_nio_sqlite3_column_type(statement, i) == 1 ? sqlite_nio_sqlite3_column_int64(statement, i) : nil
        }
        func bool(_ column: ScanColumn) -> Bool? { int(column).map { $0 != 0 } }
    }

    /// A prepared query stepped one row at a time.
    final class Statement {
        private let handle: OpaquePointer?
        private let statement: OpaquePointer
        var row: StatementRow { StatementRow(statement: statement) }

        fileprivate init(_ sql: String, handle: OpaquePointer?) throws {
            self.handle = handle
            var statement: OpaquePointer?
            guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == 0, let statement else {
                throw Failure(chinese: "读取数据库出错", english: "SQLite: \(String(cString: sqlite_nio_sqlite3_errmsg(handle)))")
            }
            self.statement = statement
        }

        deinit { sqlite_nio_sqlite3_finalize(statement) }

        /// Moves to the next row; false at the end.
        func step() throws -> Bool {
            let rc = sqlite_nio_sqlite3_step(statement)
            if rc == 100 { return true }  // SQLITE_ROW
            if rc == 101 { return false }  // SQLITE_DONE
            throw Failure(chinese: "读取数据库出错", english: "SQLite: \(String(cString: sqlite_nio_sqlite3_errmsg(handle)))")
        }
    }

    func statement(_ sql: String) throws -> Statement { try Statement(sql, handle: handle) }

    struct Failure: Refusal {
        let chinese: String
        let english: String
        var kind: RefusalKind { .misconfigured }
    }

    private var handle: OpaquePointer?

    init(path: String) throws {
        // SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let rc = sqlite_nio_sqlite3_open_v2(path, &handle, 0x0000_0001 | 0x0000_8000, nil)
        guard rc == 0 else {
            sqlite_nio_sqlite3_close(handle)
            throw Failure(chinese: "无法打开数据库文件 \(path)", english: "cannot open the database file \(path) (SQLite \(rc))")
        }
    }

    deinit { sqlite_nio_sqlite3_close(handle) }
}
