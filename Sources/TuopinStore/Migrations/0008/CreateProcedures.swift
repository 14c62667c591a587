import FluentKit
import SQLKit

/// 程序记录 and 状态变更历史. A procedure keeps the household's 户编号 and village so that it outlives a
/// household removed by 错评剔除.
struct CreateProcedures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("procedures")
            .field("id", .int64, .identifier(auto: true))
            .field("household_id", .int64, .references(HouseholdRecord.schema, "id", onDelete: .setNull))
            .field("household_no", .string, .required)
            .field("village_code", .string, .required)
            .field("kind", .string, .required)
            .field("state_json", .string, .required)
            .field("next_step", .string)
            .field("version", .int, .required)
            .field("started_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("household_status_events")
            .field("id", .int64, .identifier(auto: true))
            .field("household_id", .int64, .references(HouseholdRecord.schema, "id", onDelete: .setNull))
            .field("household_no", .string, .required)
            .field("village_code", .string, .required)
            .field("status", .string, .required)
            .field("effective_on", .string, .required)
            .field("procedure_id", .int64, .references("procedures", "id", onDelete: .setNull))
            .field("actor", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "procedures_household_idx").on("procedures").column("household_id").run()
        try await sql.create(index: "procedures_village_idx").on("procedures").column("village_code").run()
        try await sql.create(index: "household_status_events_household_idx").on("household_status_events").column("household_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("household_status_events").delete()
        try await database.schema("procedures").delete()
    }
}
