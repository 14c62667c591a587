import FluentKit
import SQLKit

/// 年度减贫计划 — one row per area and year.
struct CreateExitTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("exit_targets")
            .field("id", .int64, .identifier(auto: true))
            .field("area_code", .string, .required)
            .field("year", .int, .required)
            .field("households", .int, .required)
            .field("persons", .int, .required)
            .field("villages", .int)
            .field("county_exit_year", .int)
            .field("updated_at", .datetime, .required)
            .unique(on: "area_code", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("exit_targets").delete()
    }
}
