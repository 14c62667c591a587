import FluentKit
import SQLKit

/// 申诉举证: the date an evaluation's feedback was published, and the county's appeals with their decisions.
struct CreateEvaluationAppeals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE evaluations ADD COLUMN feedback_on TEXT").run()
        try await sql.raw("""
            CREATE TABLE evaluation_appeals (evaluation_id BIGINT NOT NULL REFERENCES evaluations (id), number INTEGER NOT NULL, reason TEXT NOT NULL,
            appellant TEXT NOT NULL, filed_on TEXT NOT NULL, decision TEXT, decider TEXT, note TEXT NOT NULL, PRIMARY KEY (evaluation_id, number))
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TABLE evaluation_appeals").run()
        try await sql.raw("ALTER TABLE evaluations DROP COLUMN feedback_on").run()
    }
}
