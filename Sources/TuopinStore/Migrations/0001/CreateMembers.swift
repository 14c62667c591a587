import FluentKit
import SQLKit

struct CreateMembers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MemberRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("household_id", .int64, .required, .references(HouseholdRecord.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("id_number", .string, .required)
            .field("disability_suffix", .string)
            .field("name", .string, .required)
            .field("sex", .string, .required)
            .field("birth_date", .string, .required)
            .field("relation", .string, .required)
            .field("ethnicity", .string)
            .field("education", .string)
            .field("schooling", .string)
            .field("education_exempt", .bool)
            .field("health", .string)
            .field("labour", .string)
            .field("work_place", .string)
            .field("work_months", .int)
            .field("medical_insurance", .bool)
            .field("pension_insurance", .bool)
            .field("import_id", .int64)
            .unique(on: "id_number", name: "members_id_number_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "members_household_idx").on(MemberRecord.schema).column("household_id").run()
        try await sql.create(index: "members_name_idx").on(MemberRecord.schema).column("name").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MemberRecord.schema).delete()
    }
}
