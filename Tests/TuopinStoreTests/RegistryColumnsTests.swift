import FluentKit
import SQLKit
import Testing
@testable import TuopinStore
import TuopinTestSupport

/// The one column list of each registry table names exactly the columns the migrations made.
@Suite struct RegistryColumnsTests {
    func columns(of table: String, on db: any Database) async throws -> Set<String> {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            return Set(try await sql.raw("PRAGMA table_info(\(ident: table))").all().map { try $0.decode(column: "name", as: String.self) })
        }
        return Set(try await sql.raw("SELECT column_name FROM information_schema.columns WHERE table_name = \(bind: table)").all()
            .map { try $0.decode(column: "column_name", as: String.self) })
    }

    @Test func each_list_matches_its_table() async throws {
        try await StoreHarness.withStore { db in
            let households = try await columns(of: "households", on: db)
            let members = try await columns(of: "members", on: db)
            let incomes = try await columns(of: "household_incomes", on: db)
            #expect(households == Set(HouseholdColumn.allCases.map { $0.rawValue }))
            #expect(members == Set(MemberColumn.allCases.map { $0.rawValue }))
            #expect(incomes == Set(IncomeColumn.allCases.map { $0.rawValue }))
        }
    }
}
