import FluentKit
import SQLKit

struct CreateHouseholds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HouseholdRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("county_code", .string, .required)
            .field("household_no", .string, .required)
            .field("village_code", .string, .required)
            .field("status", .string, .required)
            .field("household_type", .string, .required)
            .field("identification_standard", .string, .required)
            .field("main_cause", .string, .required)
            .field("other_causes", .string, .required)
            .field("identified_year", .int, .required)
            .field("exit_year", .int)
            .field("housing_grade", .string)
            .field("housing_resolved", .bool)
            .field("food_secure", .bool)
            .field("clothing_secure", .bool)
            .field("water_safe", .bool)
            .field("phone", .string)
            .field("member_count", .int, .required)
            .field("version", .int, .required)
            .field("import_id", .int64)
            .field("updated_at", .datetime, .required)
            .unique(on: "county_code", "household_no", name: "households_county_no_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "households_village_idx").on(HouseholdRecord.schema).column("village_code").run()
        try await sql.create(index: "households_import_idx").on(HouseholdRecord.schema).column("import_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HouseholdRecord.schema).delete()
    }
}
