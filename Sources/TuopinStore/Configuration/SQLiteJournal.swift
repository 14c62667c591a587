import FluentKit
import SQLKit

/// 预写日志 — a registry kept in a SQLite file runs in write-ahead-log mode, so that pages keep reading the
/// last committed registry while an import writes. In SQLite's default rollback mode a writer that spills
/// its first page locks readers out until it commits: the web server's pages waited for minutes while a
/// province-size file loaded. The mode is stored in the file; setting it again is a no-op. The log is
/// folded back into the file when the last connection closes: copy the `.sqlite` file only while no
/// `tuopin` process has it open (or copy its `-wal` file with it).
public enum SQLiteJournal {
    /// Switches a SQLite file to write-ahead logging; nothing for PostgreSQL or an in-memory database.
    public static func useWriteAheadLog(_ url: DatabaseURL, on db: any Database) async throws {
        guard url.sqliteFilePath != nil, let sql = db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }

    /// Runs `body` (a large load) in SQLite's rollback-journal mode and puts write-ahead logging back
    /// afterwards, also when `body` fails. In WAL mode every page a load writes goes to the log and is
    /// copied into the file again at the checkpoint after the commit (1M households: 2.8 GB twice, the
    /// commit alone 9.6 s); a rollback journal keeps only the few pages the load changes in place. Readers
    /// wait while a rollback-journal load commits, so the caller does this only holding the file's
    /// exclusive claim (`SQLiteFileClaim`): no server is reading it. Nothing changes for PostgreSQL or an
    /// in-memory database.
    ///
    /// `body` runs on one connection, which it is given, and is told whether the switch was made. The
    /// switch is made on that connection after it has read the file: a pooled connection that has not read
    /// since the file went to WAL mode still reports, and "sets", its old mode.
    public static func withRollbackJournal<T: Sendable>(on db: any Database,
                                                        _ body: @escaping @Sendable (_ connection: any Database, _ withoutLog: Bool) async throws -> T) async throws -> T {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await body(db, false) }
        return try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            _ = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_master").first()
            guard try await mode(sql, set: nil) == "wal", await leaveWAL(sql) else { return try await body(connection, false) }
            let result: T
            do {
                result = try await body(connection, true)
            } catch {
                _ = try? await mode(sql, set: "WAL")
                throw error
            }
            // Going back cannot fail the load once it has committed: if SQLite refuses now, the next start of
            // a command or the server sets WAL mode again.
            _ = try? await mode(sql, set: "WAL")
            return result
        }
    }

    /// Switches to the rollback journal; false if SQLite refuses. Leaving WAL mode needs the file to itself:
    /// another pooled connection of this process still finishing a read makes SQLite answer "busy" at once,
    /// so a few tries, 50 ms apart (a CI run under load was refused once).
    static func leaveWAL(_ sql: any SQLDatabase) async -> Bool {
        for attempt in 0..<5 {
            if attempt > 0 { try? await Task.sleep(nanoseconds: 50_000_000) }
            switch try? await mode(sql, set: "DELETE") {
            case "delete": return true
            case nil, "wal": continue   // busy: refused for now
            default: return false       // a memory database, or another mode: not ours to change
            }
        }
        return false
    }

    /// The journal mode after setting it to `new` (or as it is, for nil), in lower case. Another pooled
    /// connection may report its own mode until its next read sees the file's.
    static func mode(_ sql: any SQLDatabase, set new: String?) async throws -> String? {
        let query: SQLQueryString = new.map { "PRAGMA journal_mode = \(unsafeRaw: $0)" } ?? "PRAGMA journal_mode"
        return try await sql.raw(query).first()?.decode(column: "journal_mode", as: String.self).lowercased()
    }
}
