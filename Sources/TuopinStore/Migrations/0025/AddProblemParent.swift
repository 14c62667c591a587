import FluentKit
import SQLKit

/// 分办: a problem divided from another names it (`problems.parent_id`).
struct AddProblemParent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE problems ADD COLUMN parent_id BIGINT").run()
        try await sql.raw("CREATE INDEX problems_parent_idx ON problems (parent_id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX problems_parent_idx").run()
        try await sql.raw("ALTER TABLE problems DROP COLUMN parent_id").run()
    }
}
