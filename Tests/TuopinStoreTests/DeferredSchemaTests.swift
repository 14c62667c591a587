import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

/// A first load into an empty registry drops the secondary indexes (and on PostgreSQL two foreign keys)
/// and builds them after the rows: the schema must end exactly as the migrations made it.
@Suite struct DeferredSchemaTests {
    /// Every index and foreign key with its definition.
    static func indexes(_ db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name || ' ' || COALESCE(sql, '') AS d FROM sqlite_master WHERE type = 'index' ORDER BY name"
            : """
              SELECT indexname || ' ' || indexdef AS d FROM pg_indexes WHERE schemaname = current_schema()
              UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'
              ORDER BY 1
              """
        return try await sql.raw(query).all().map { try $0.decode(column: "d", as: String.self) }
    }

    static func file(households: Int) -> URL {
        var lines = [CSVFormat.line(RegistryRowFormatter.header)]
        for i in 0..<households {
            for row in RegistryRowFormatter.rows(Samples.household(String(format: "H%06d", i), idBase: i)) { lines.append(CSVFormat.line(row)) }
        }
        return Samples.file(lines.joined(separator: "\n") + "\n")
    }

    @Test func a_first_load_leaves_the_indexes_as_the_migrations_made_them() async throws {
        let url = Self.file(households: 10_000)
        try await StoreHarness.withStore { db in
            let before = try await Self.indexes(db)
            #expect(before.contains { $0.hasPrefix("members_name_idx ") })
            if (db as! any SQLDatabase).dialect.name != "sqlite" {
                #expect(before.contains { $0.hasPrefix("members_household_id_fkey FOREIGN KEY") })
            }
            let outcome = try await StoreHarness.importFile(url, on: db)
            #expect(outcome.written)
            #expect(try await Self.indexes(db) == before)
            let members = try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM members").first()!.decode(column: "n", as: Int.self)
            #expect(members == 30_000)
            // A second load updates in place with the indexes kept.
            #expect(try await StoreHarness.importFile(url, on: db).written)
            #expect(try await Self.indexes(db) == before)
        }
    }

    @Test func the_list_names_every_secondary_index_of_the_registry_tables() async throws {
        try await StoreHarness.withStore { db in
            let tables = Set(DeferredSchema.secondaryIndexes.map(\.table))
            let sql = db as! any SQLDatabase
            let query: SQLQueryString = sql.dialect.name == "sqlite"
                ? "SELECT name, tbl_name AS t FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
                : "SELECT indexname AS name, tablename AS t FROM pg_indexes WHERE schemaname = current_schema() AND indexdef NOT LIKE 'CREATE UNIQUE%'"
            let found = try await sql.raw(query).all().filter { tables.contains(try $0.decode(column: "t", as: String.self)) }
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(Set(found) == Set(DeferredSchema.secondaryIndexes.map(\.name)))
        }
    }
}
