import FluentKit
import SQLKit

/// 到户资金 and 防漏: departments' payment lists (each import a batch with its file's digest), each payment by ID
/// number (and the registry household when the ID is one of its members), and the county's decisions on leak flags.
struct CreateBenefits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE benefit_batches (id \(unsafeRaw: id), policy TEXT NOT NULL, department TEXT NOT NULL, file TEXT NOT NULL, digest TEXT NOT NULL,
            rows_loaded INTEGER NOT NULL, county_code TEXT NOT NULL, username TEXT NOT NULL, loaded_on TEXT NOT NULL)
            """).run()
        try await sql.raw("""
            CREATE TABLE benefits (id \(unsafeRaw: id), batch_id BIGINT NOT NULL REFERENCES benefit_batches (id), id_number TEXT NOT NULL, name TEXT NOT NULL,
            household_id BIGINT, policy TEXT NOT NULL, amount_fen BIGINT NOT NULL, paid_on TEXT NOT NULL, department TEXT NOT NULL, project_id BIGINT,
            county_code TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX benefits_household_idx ON benefits (household_id)").run()
        try await sql.raw("CREATE INDEX benefits_county_idx ON benefits (county_code, paid_on)").run()
        try await sql.raw("""
            CREATE TABLE leak_decisions (flag_key TEXT PRIMARY KEY, year INTEGER NOT NULL, id_number TEXT NOT NULL, policy TEXT NOT NULL, rule TEXT NOT NULL,
            outcome TEXT NOT NULL, reason TEXT NOT NULL, decided_on TEXT NOT NULL, username TEXT NOT NULL, county_code TEXT NOT NULL)
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["leak_decisions", "benefits", "benefit_batches"] { try await sql.raw("DROP TABLE \(unsafeRaw: t)").run() }
    }
}
