import FluentKit

struct CreateHouseholdIncomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HouseholdIncomeRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("household_id", .int64, .required, .references(HouseholdRecord.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("wage_fen", .int64)
            .field("business_fen", .int64)
            .field("property_fen", .int64)
            .field("transfer_fen", .int64)
            .field("business_expense_fen", .int64)
            .unique(on: "household_id", "year", name: "household_incomes_household_year_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HouseholdIncomeRecord.schema).delete()
    }
}
