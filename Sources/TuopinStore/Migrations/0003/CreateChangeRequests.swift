import FluentKit
import SQLKit

struct CreateChangeRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("change_requests")
            .field("id", .int64, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("household_id", .int64, .references(HouseholdRecord.schema, "id", onDelete: .setNull))
            .field("area_code", .string, .required)
            .field("requester", .string, .required)
            .field("reason", .string, .required)
            .field("attachments", .string, .required)
            .field("before_json", .string, .required)
            .field("after_json", .string, .required)
            .field("proposed_json", .string, .required)
            .field("state", .string, .required)
            .field("remaining", .string, .required)
            .field("base_version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("change_request_steps")
            .field("id", .int64, .identifier(auto: true))
            .field("request_id", .int64, .required, .references("change_requests", "id", onDelete: .cascade))
            .field("actor", .string, .required)
            .field("role", .string, .required)
            .field("decision", .string, .required)
            .field("at", .datetime, .required)
            .field("note", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "change_requests_area_idx").on("change_requests").column("area_code").run()
        try await sql.create(index: "change_request_steps_request_idx").on("change_request_steps").column("request_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("change_request_steps").delete()
        try await database.schema("change_requests").delete()
    }
}
