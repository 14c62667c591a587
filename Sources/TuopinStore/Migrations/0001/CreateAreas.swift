import FluentKit
import SQLKit

struct CreateAreas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AreaRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("parent_code", .string)
            .field("level", .int, .required)
            .field("name", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "areas_parent_code_idx").on(AreaRecord.schema).column("parent_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AreaRecord.schema).delete()
    }
}
