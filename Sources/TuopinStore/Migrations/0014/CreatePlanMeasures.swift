import FluentKit
import SQLKit

/// 帮扶措施: the measures of each household's assistance plan.
struct CreatePlanMeasures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE plan_measures (id \(unsafeRaw: id), household_id BIGINT NOT NULL, village_code TEXT NOT NULL, kind TEXT NOT NULL,
            content TEXT NOT NULL, planned_date TEXT NOT NULL, expected_income_fen BIGINT, status TEXT NOT NULL, done_date TEXT)
            """).run()
        try await sql.raw("CREATE INDEX plan_measures_household_idx ON plan_measures (household_id)").run()
        try await sql.raw("CREATE INDEX plan_measures_village_idx ON plan_measures (village_code)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE plan_measures").run()
    }
}
