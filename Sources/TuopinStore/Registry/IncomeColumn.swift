import TuopinDomain

/// The columns of `household_incomes`, listed once (see `HouseholdColumn`).
enum IncomeColumn: String, CaseIterable, Sendable {
    case id
    case householdID = "household_id"
    case year
    case wageFen = "wage_fen"
    case businessFen = "business_fen"
    case propertyFen = "property_fen"
    case transferFen = "transfer_fen"
    case businessExpenseFen = "business_expense_fen"

    /// What a write gives: every column but the database's own ID, in this order (the household's ID first).
    static let written: [IncomeColumn] = allCases.filter { $0 != .id }

    /// One record per household and year.
    static let key: [IncomeColumn] = [.householdID, .year]

    func value(_ i: HouseholdIncome, householdID: Int64) -> BulkValue {
        switch self {
        case .id: .null
        case .householdID: .int(householdID)
        case .year: .int(Int64(i.year))
        case .wageFen: .int64(i.wage?.fen)
        case .businessFen: .int64(i.business?.fen)
        case .propertyFen: .int64(i.property?.fen)
        case .transferFen: .int64(i.transfer?.fen)
        case .businessExpenseFen: .int64(i.businessExpense?.fen)
        }
    }
}
