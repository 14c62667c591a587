import FluentKit

/// 状态哈希: an audit record of a change to a household carries the hash of the household's state after it
/// (`HouseholdState`), so that `tuopin audit verify --registry` finds a household changed behind the
/// application's back. Older records have none.
struct AddAuditStateHashes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema).field("state_hash", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema).deleteField("state_hash").update()
    }
}
