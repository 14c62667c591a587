import FluentKit

/// A household's income for one year: `household_incomes`, amounts in fen.
public final class HouseholdIncomeRecord: Model, @unchecked Sendable {
    public static let schema = "household_incomes"

    @ID(custom: "id", generatedBy: .database) public var id: Int64?
    @Field(key: "household_id") public var householdID: Int64
    @Field(key: "year") public var year: Int
    @OptionalField(key: "wage_fen") public var wage: Int64?
    @OptionalField(key: "business_fen") public var business: Int64?
    @OptionalField(key: "property_fen") public var property: Int64?
    @OptionalField(key: "transfer_fen") public var transfer: Int64?
    @OptionalField(key: "business_expense_fen") public var businessExpense: Int64?

    public init() {}
}
