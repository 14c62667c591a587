import FluentKit
import Foundation
import SQLKit
import TuopinStore

/// Fresh databases for store and web tests: in-memory SQLite always; a new PostgreSQL database,
/// copied from a migrated template, when TUOPIN_TEST_POSTGRES_URL names a server.
public enum TestDatabase {
    public static let environmentVariable = "TUOPIN_TEST_POSTGRES_URL"

    /// The kinds of database the suite runs on.
    public static var kinds: [Kind] {
        ProcessInfo.processInfo.environment[environmentVariable].map { [.sqlite, .postgres(base: $0)] } ?? [.sqlite]
    }

    public enum Kind: Sendable, CustomStringConvertible {
        case sqlite
        case postgres(base: String)
        public var description: String { if case .sqlite = self { "sqlite" } else { "postgres" } }
    }

    /// A new, migrated database of the kind; `drop` removes it again.
    public static func make(_ kind: Kind) async throws -> (url: DatabaseURL, drop: @Sendable () async -> Void) {
        switch kind {
        case .sqlite:
            return (.sqliteMemory, {})
        case .postgres(let base):
            let name = try await Templates.shared.copy(base: base)
            return (.postgres(url: replacingDatabase(in: base, with: name)), {
                await Templates.shared.drop(base: base, name: name)
            })
        }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        var c = URLComponents(string: url)!
        c.path = "/" + name
        return c.string!
    }

    /// Creates the migrated template once per test process, then copies it per test.
    actor Templates {
        static let shared = Templates()
        private var template: String?

        func copy(base: String) async throws -> String {
            let admin = try StoreRuntime(url: .postgres(url: base))
            defer { Task { await admin.shutdown() } }
            let sql = admin.database as! any SQLDatabase
            if template == nil {
                let name = "tuopin_tpl_\(ProcessInfo.processInfo.processIdentifier)_\(Int.random(in: 0..<1_000_000))"
                try await sql.raw("CREATE DATABASE \(ident: name)").run()
                let runtime = try StoreRuntime(url: .postgres(url: TestDatabase.replacingDatabase(in: base, with: name)))
                try await runtime.migrate()
                await runtime.shutdown()
                template = name
            }
            let name = "tuopin_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await sql.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template!)").run()
            return name
        }

        func drop(base: String, name: String) async {
            guard let admin = try? StoreRuntime(url: .postgres(url: base)) else { return }
            try? await (admin.database as! any SQLDatabase).raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
            await admin.shutdown()
        }
    }
}
