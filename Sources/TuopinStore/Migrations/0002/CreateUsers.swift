import FluentKit

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("id", .int64, .identifier(auto: true))
            .field("username", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("phone", .string)
            .field("role", .string, .required)
            .field("area_code", .string)
            .field("password_hash", .string, .required)
            .field("disabled", .bool, .required)
            .field("failed_attempts", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "username", name: "users_username_key")
            .create()
        try await database.schema("sessions")
            .field("id", .int64, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("user_id", .int64, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ip", .string)
            .unique(on: "token_hash", name: "sessions_token_key")
            .create()
        try await database.schema("api_tokens")
            .field("id", .int64, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("user_id", .int64, .required, .references("users", "id", onDelete: .cascade))
            .field("label", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash", name: "api_tokens_token_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
        try await database.schema("sessions").delete()
        try await database.schema("users").delete()
    }
}
