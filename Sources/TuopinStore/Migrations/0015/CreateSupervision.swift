import FluentKit
import SQLKit

/// 督查整改: problems (the list), the households each concerns, every step of each problem's rectification,
/// inspections and the villages and households an unannounced visit drew. Dates are ISO text.
struct CreateSupervision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE inspections (id \(unsafeRaw: id), kind TEXT NOT NULL, title TEXT NOT NULL, team TEXT NOT NULL, start_date TEXT NOT NULL,
            end_date TEXT NOT NULL, area_code TEXT NOT NULL, method TEXT NOT NULL, seed BIGINT, closed BOOLEAN NOT NULL, issued_by TEXT NOT NULL)
            """).run()
        try await sql.raw("""
            CREATE TABLE inspection_draws (inspection_id BIGINT NOT NULL REFERENCES inspections (id), village_code TEXT NOT NULL,
            household_id BIGINT)
            """).run()
        try await sql.raw("CREATE INDEX inspection_draws_idx ON inspection_draws (inspection_id)").run()
        try await sql.raw("""
            CREATE TABLE problems (id \(unsafeRaw: id), source TEXT NOT NULL, area_code TEXT NOT NULL, unit TEXT NOT NULL, owner_cadre_id BIGINT,
            category TEXT NOT NULL, description TEXT NOT NULL, severity TEXT NOT NULL, found_date TEXT NOT NULL, deadline TEXT NOT NULL,
            state TEXT NOT NULL, issued_by TEXT NOT NULL, rectifier TEXT, closed_date TEXT,
            inspection_id BIGINT REFERENCES inspections (id), work_log_id BIGINT)
            """).run()
        try await sql.raw("CREATE INDEX problems_area_idx ON problems (area_code)").run()
        try await sql.raw("CREATE INDEX problems_state_idx ON problems (state, deadline)").run()
        try await sql.raw("CREATE UNIQUE INDEX problems_work_log_idx ON problems (work_log_id)").run()
        try await sql.raw("""
            CREATE TABLE problem_households (problem_id BIGINT NOT NULL REFERENCES problems (id), household_id BIGINT NOT NULL,
            PRIMARY KEY (problem_id, household_id))
            """).run()
        try await sql.raw("CREATE INDEX problem_households_idx ON problem_households (household_id)").run()
        try await sql.raw("""
            CREATE TABLE problem_steps (id \(unsafeRaw: id), problem_id BIGINT NOT NULL REFERENCES problems (id), step_date TEXT NOT NULL,
            username TEXT NOT NULL, action TEXT NOT NULL, note TEXT NOT NULL, evidence TEXT NOT NULL, audit_record BIGINT, state TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX problem_steps_idx ON problem_steps (problem_id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["problem_steps", "problem_households", "problems", "inspection_draws", "inspections"] {
            try await sql.raw("DROP TABLE \(unsafeRaw: t)").run()
        }
    }
}
