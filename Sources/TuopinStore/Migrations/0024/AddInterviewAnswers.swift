import FluentKit
import SQLKit

/// The questionnaire's answers of an interview (JSON: item key → answer).
struct AddInterviewAnswers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE evaluation_interviews ADD COLUMN answers TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE evaluation_interviews DROP COLUMN answers").run()
    }
}
