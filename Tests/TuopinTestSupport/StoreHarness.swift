import FluentKit
import Foundation
import SQLKit
import TuopinDomain
import TuopinExchange
import TuopinStore

/// A fresh database per test: in-memory SQLite, and PostgreSQL too when TUOPIN_TEST_POSTGRES_URL is set.
public enum StoreHarness {
    /// Runs the body once on each kind of database.
    public static func withStore(_ body: (any Database) async throws -> Void) async throws {
        for kind in TestDatabase.kinds {
            _ = try await withStore(kind, body)
        }
    }

    public static func withStore<T>(_ kind: TestDatabase.Kind, _ body: (any Database) async throws -> T) async throws -> T {
        let (url, drop) = try await TestDatabase.make(kind)
        let runtime = try StoreRuntime(url: url)
        do {
            try await runtime.migrate()
            let result = try await body(runtime.database)
            await runtime.shutdown()
            await drop()
            return result
        } catch {
            await runtime.shutdown()
            await drop()
            throw error
        }
    }

    public static func importFile(_ url: URL, county: AreaCode? = AreaCode("451224"), dryRun: Bool = false, on db: any Database) async throws -> ImportOutcome {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        return try await RegistryImporter.run(file: url, options: ImportOptions(county: county, dryRun: dryRun, now: now, today: Samples.today), on: db)
    }

    public static func importRows(_ rows: [[String]], on db: any Database) async throws -> ImportOutcome {
        try await importFile(Samples.file(Samples.csv(rows)), on: db)
    }

    /// Row counts of the registry tables, to prove that nothing was written.
    public static func counts(_ db: any Database) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for table in ["households", "members", "household_incomes", "import_batches", "audit_events", "areas"] {
            result[table] = try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
        }
        return result
    }
}
