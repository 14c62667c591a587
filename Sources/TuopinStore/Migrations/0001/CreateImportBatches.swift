import FluentKit

struct CreateImportBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportBatchRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("file_name", .string, .required)
            .field("county_code", .string)
            .field("started_at", .datetime, .required)
            .field("households", .int, .required)
            .field("members", .int, .required)
            .field("warnings", .int, .required)
            .field("actor", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportBatchRecord.schema).delete()
    }
}
