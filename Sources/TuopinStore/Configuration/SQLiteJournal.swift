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
}
