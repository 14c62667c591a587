import FluentKit
import SQLKit

/// 责任体系: cadres, their posts for villages and townships (assignments), their pairings with households,
/// and their work logs. Dates are ISO text (YYYY-MM-DD), as for hardships.
struct CreateResponsibility: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE cadres (id \(unsafeRaw: id), name TEXT NOT NULL, phone TEXT NOT NULL UNIQUE, unit TEXT NOT NULL,
            unit_level TEXT NOT NULL, post TEXT NOT NULL, rank TEXT NOT NULL, username TEXT)
            """).run()
        try await sql.raw("""
            CREATE TABLE assignments (id \(unsafeRaw: id), cadre_id BIGINT NOT NULL REFERENCES cadres (id), layer TEXT NOT NULL,
            area_code TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT)
            """).run()
        try await sql.raw("CREATE INDEX assignments_area_idx ON assignments (area_code)").run()
        try await sql.raw("CREATE INDEX assignments_cadre_idx ON assignments (cadre_id)").run()
        try await sql.raw("""
            CREATE TABLE pairings (id \(unsafeRaw: id), cadre_id BIGINT NOT NULL REFERENCES cadres (id), household_id BIGINT NOT NULL,
            village_code TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT, reason TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX pairings_cadre_idx ON pairings (cadre_id)").run()
        try await sql.raw("CREATE INDEX pairings_household_idx ON pairings (household_id)").run()
        try await sql.raw("CREATE INDEX pairings_village_idx ON pairings (village_code)").run()
        try await sql.raw("""
            CREATE TABLE work_logs (id \(unsafeRaw: id), cadre_id BIGINT NOT NULL REFERENCES cadres (id), log_date TEXT NOT NULL,
            kind TEXT NOT NULL, village_code TEXT NOT NULL, household_id BIGINT, stayed_night BOOLEAN NOT NULL,
            content TEXT NOT NULL, household_said TEXT NOT NULL, problems TEXT NOT NULL, measures TEXT NOT NULL, approved_by TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX work_logs_cadre_idx ON work_logs (cadre_id, log_date)").run()
        try await sql.raw("CREATE INDEX work_logs_village_idx ON work_logs (village_code, log_date)").run()
        try await sql.raw("CREATE INDEX work_logs_household_idx ON work_logs (household_id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["work_logs", "pairings", "assignments", "cadres"] { try await sql.raw("DROP TABLE \(unsafeRaw: t)").run() }
    }
}
