import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
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

    struct LoadFailed: Error {}

    /// Bytes 18 and 19 of the file header: 2 in WAL mode, 1 in rollback-journal mode.
    static func headerMode(_ path: String) -> UInt8? {
        FileManager.default.contents(atPath: path).map { $0[18] }
    }

    /// A large load with the file's exclusive claim writes with a rollback journal (no second copy of every
    /// page through the log); WAL mode is back after it, also when it fails.
    @Test func a_load_without_the_log_puts_wal_mode_back() async throws {
        let path = Samples.directory().appendingPathComponent("load.sqlite").path
        let runtime = try StoreRuntime(url: .sqliteFile(path: path))
        try await runtime.migrate()
        let (switched, inside) = try await SQLiteJournal.withRollbackJournal(on: runtime.database) { _, switched in
            (switched, Self.headerMode(path))
        }
        #expect(switched)
        #expect(inside == 1)
        #expect(Self.headerMode(path) == 2)
        await #expect(throws: LoadFailed.self) {
            try await SQLiteJournal.withRollbackJournal(on: runtime.database) { _, _ in throw LoadFailed() }
        }
        #expect(Self.headerMode(path) == 2)
        await runtime.shutdown()
    }

    /// A server's shared claim keeps loads from taking the exclusive one until the server lets go.
    @Test func a_server_claim_keeps_loads_in_wal_mode() throws {
        let path = Samples.directory().appendingPathComponent("claimed.sqlite").path
        do {
            let server = try #require(SQLiteFileClaim.shared(path))
            #expect(SQLiteFileClaim.exclusive(path) == nil)
            #expect(SQLiteFileClaim.shared(path) != nil, "two servers may share a file")
            withExtendedLifetime(server) {}
        }
        let load = SQLiteFileClaim.exclusive(path)
        #expect(load != nil)
        #expect(SQLiteFileClaim.exclusive(path) == nil, "one load at a time")
    }

    /// End to end: 10,000-household loads into a registry file no server uses (a first one, then the same
    /// file again) leave it in WAL mode, every household written.
    @Test func a_large_load_into_a_file_leaves_it_in_wal_mode() async throws {
        let path = Samples.directory().appendingPathComponent("large.sqlite").path
        // As `tuopin migrate` then `tuopin import`: the file is already in WAL mode when the loading process
        // opens it, and that process opens it the way every command does.
        let created = try StoreRuntime(url: .sqliteFile(path: path))
        try await created.migrate()
        await created.shutdown()
        #expect(Self.headerMode(path) == 2)
        let runtime = try StoreRuntime(url: .sqliteFile(path: path), forLoading: true)
        try await runtime.migrate()
        let url = DeferredSchemaTests.file(households: 10_000)
        let outcome = try await RegistryImporter.run(file: url, options: ImportOptions(county: AreaCode("451224"), now: Date(),
                                                                                       today: Samples.today, registryFile: path),
                                                     on: runtime.database)
        #expect(outcome.written)
        #expect(Self.headerMode(path) == 2)
        // The README's promise (issue #19 item 15): such a load writes without the log. Through the log, the
        // -wal file would now hold every page the load wrote (about 28 MB for 10,000 households) until the
        // last connection closes.
        #expect(Self.walSize(path) < 2_000_000, "the load went through the write-ahead log: -wal is \(Self.walSize(path)) bytes")
        await runtime.shutdown()
        // Loading it again from a new process, as `tuopin import` does, must not fail on the journal switch
        // (it was refused "database is locked" once: the conflict check's reads keep pooled connections).
        let second = try StoreRuntime(url: .sqliteFile(path: path), forLoading: true)
        try await second.migrate()
        let again = try await RegistryImporter.run(file: url, options: ImportOptions(county: AreaCode("451224"), now: Date(),
                                                                                     today: Samples.today, registryFile: path),
                                                   on: second.database)
        #expect(again.written && again.unchanged == 10_000, "a reload of the same file rewrites nothing")
        #expect(Self.headerMode(path) == 2)
        let n = try await (second.database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM households").first()?.decode(column: "n", as: Int.self)
        #expect(n == 10_000)
        await second.shutdown()
    }

    /// The size of the registry's write-ahead log (0 when there is none).
    static func walSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
