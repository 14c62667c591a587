import FluentKit

/// 一次性密码: a password someone else set (a new account's, a reset's) must be changed at the next sign-in.
struct AddOneTimePasswords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("must_change_password", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("must_change_password").update()
    }
}
