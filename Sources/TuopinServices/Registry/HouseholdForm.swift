import TuopinDomain
import TuopinExchange

/// A household as typed into the edit or new-household form: the household's fields and its member rows
/// in the exchange format's words (checked by the importer's own row rules), the reason and attachments.
public struct HouseholdForm: Sendable {
    public var values: [ExchangeColumn: String]
    /// The member rows to keep, in order (rows marked for removal and blank new rows left out).
    public var members: [[ExchangeColumn: String]]
    public var reason: String
    public var attachments: [String]
    /// The version the editor saw (0 for a new household).
    public var version: Int
    /// 家庭收入 — one row of income columns per year (nil: the form has none; the stored incomes stay).
    public var incomes: [[ExchangeColumn: String]]?

    public init(values: [ExchangeColumn: String], members: [[ExchangeColumn: String]], reason: String, attachments: [String], version: Int,
                incomes: [[ExchangeColumn: String]]? = nil) {
        self.values = values
        self.members = members
        self.incomes = incomes
        self.reason = reason
        self.attachments = attachments
        self.version = version
    }
}

/// Where a saved form went: applied at once, or a change request waiting for the levels above.
public struct SavedChange: Sendable, Equatable {
    public var request: ChangeRequest.ID
    public var applied: Bool
    /// The household written (nil until an approved new household exists, or after a removal).
    public var household: Household.ID?
}
