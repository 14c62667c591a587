import FluentKit
import SQLKit

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("occurred_at", .datetime, .required)
            .field("actor", .string, .required)
            .field("actor_role", .string)
            .field("ip", .string)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("area_code", .string)
            .field("before_json", .string)
            .field("after_json", .string)
            .field("reason", .string)
            .field("previous_hash", .string)
            .field("hash", .string)
            .create()
        try await (database as! any SQLDatabase).create(index: "audit_events_entity_idx").on(AuditEventRecord.schema).column("entity").column("entity_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema).delete()
    }
}
