import FluentKit
import SQLKit

/// An evaluation's appeal window in days (default 7), and each interview's start and end time.
struct AddEvaluationWindowAndTimes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE evaluations ADD COLUMN appeal_days INTEGER NOT NULL DEFAULT 7").run()
        try await sql.raw("ALTER TABLE evaluation_interviews ADD COLUMN started_at TEXT").run()
        try await sql.raw("ALTER TABLE evaluation_interviews ADD COLUMN ended_at TEXT").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE evaluation_interviews DROP COLUMN ended_at").run()
        try await sql.raw("ALTER TABLE evaluation_interviews DROP COLUMN started_at").run()
        try await sql.raw("ALTER TABLE evaluations DROP COLUMN appeal_days").run()
    }
}
