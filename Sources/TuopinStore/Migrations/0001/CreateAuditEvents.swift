import FluentKit
import SQLKit

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("seq", .int64, .required)
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
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq", name: "audit_events_seq_key")
            .create()
        // The head of the hash chain: one row, updated first in every appending transaction, so that
        // concurrent writers queue up instead of forking the chain.
        try await database.schema("audit_chain_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("last_hash", .string, .required)
            .create()
        try await (database as! any SQLDatabase).raw("INSERT INTO audit_chain_head (id, seq, last_hash) VALUES (1, 0, \(bind: AuditChain.genesis))").run()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_events_entity_idx").on(AuditEventRecord.schema).column("entity").column("entity_id").run()
        try await sql.create(index: "audit_events_actor_idx").on(AuditEventRecord.schema).column("actor").run()
        try await sql.create(index: "audit_events_area_idx").on(AuditEventRecord.schema).column("area_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_chain_head").delete()
        try await database.schema(AuditEventRecord.schema).delete()
    }
}
