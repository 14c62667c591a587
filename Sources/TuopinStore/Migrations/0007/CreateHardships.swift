import FluentKit
import SQLKit

/// 突发困难登记 — hardships recorded for households (防返贫监测).
struct CreateHardships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("hardships")
            .field("id", .int64, .identifier(auto: true))
            .field("household_id", .int64, .required, .references(HouseholdRecord.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("occurred_on", .string, .required)
            .field("cost_fen", .int64, .required)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "hardships_household_idx").on("hardships").column("household_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("hardships").delete()
    }
}
