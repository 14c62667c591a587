import FluentKit
import Foundation
import SQLKit
import Testing
@testable import TuopinStore
import TuopinTestSupport

/// A registry file runs in write-ahead-log mode (pages read while an import writes), and the log is folded
/// back into the file when the last connection closes, so the file alone is a whole copy.
@Suite struct SQLiteJournalTests {
    @Test func a_registry_file_is_opened_in_wal_mode_and_closed_whole() async throws {
        let path = Samples.directory().appendingPathComponent("journal.sqlite").path
        let runtime = try StoreRuntime(url: .sqliteFile(path: path))
        try await runtime.migrate()
        let sql = runtime.database as! any SQLDatabase
        // The file header says so (bytes 18 and 19 are 2 in WAL mode, 1 in rollback mode).
        let header = try #require(FileManager.default.contents(atPath: path))
        #expect(header[18] == 2 && header[19] == 2)
        try await sql.raw("INSERT INTO audit_chain_head (id, seq, last_hash) VALUES (2, 0, 'x')").run()
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        await runtime.shutdown()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        // Opened again, the row written before is in the file.
        let again = try StoreRuntime(url: .sqliteFile(path: path))
        let rows = try await (again.database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_chain_head").first()?.decode(column: "n", as: Int.self)
        #expect(rows == 2)
        await again.shutdown()
    }

    @Test func memory_databases_are_left_alone() async throws {
        let runtime = try StoreRuntime(url: .sqliteMemory)
        try await runtime.migrate()
        let mode = try await (runtime.database as! any SQLDatabase).raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        #expect(mode != nil && mode != "wal")
        await runtime.shutdown()
    }
}
