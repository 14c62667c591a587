import FluentKit
import SQLKit

/// 第三方评估: evaluations with their design and seed, their drawn samples (each household with its stratum and
/// selection probability) and the interviews (issue #18).
struct CreateEvaluations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE evaluations (id \(unsafeRaw: id), kind TEXT NOT NULL, county_code TEXT NOT NULL, year INTEGER NOT NULL, title TEXT NOT NULL,
            team TEXT NOT NULL, seed TEXT NOT NULL, villages INTEGER NOT NULL, poor_share DOUBLE PRECISION NOT NULL, per_exited INTEGER NOT NULL,
            per_poor INTEGER NOT NULL, per_outside INTEGER NOT NULL, state TEXT NOT NULL, created_on TEXT NOT NULL)
            """).run()
        try await sql.raw("""
            CREATE TABLE evaluation_samples (evaluation_id BIGINT NOT NULL REFERENCES evaluations (id), number INTEGER NOT NULL,
            village_code TEXT NOT NULL, village_poor INTEGER NOT NULL, stratum TEXT NOT NULL, unit_key TEXT NOT NULL, household_id BIGINT,
            persons INTEGER NOT NULL, probability DOUBLE PRECISION NOT NULL, PRIMARY KEY (evaluation_id, number))
            """).run()
        try await sql.raw("CREATE INDEX evaluation_samples_household_idx ON evaluation_samples (household_id)").run()
        try await sql.raw("""
            CREATE TABLE evaluation_interviews (evaluation_id BIGINT NOT NULL REFERENCES evaluations (id), number INTEGER NOT NULL,
            interview_date TEXT NOT NULL, interviewer TEXT NOT NULL, verdict TEXT NOT NULL, approvals TEXT NOT NULL, note TEXT NOT NULL,
            PRIMARY KEY (evaluation_id, number))
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["evaluation_interviews", "evaluation_samples", "evaluations"] { try await sql.raw("DROP TABLE \(unsafeRaw: t)").run() }
    }
}
