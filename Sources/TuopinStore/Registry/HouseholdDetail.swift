import Foundation
import TuopinDomain

/// A household as its page shows it: the domain value and where it is stored.
public struct HouseholdDetail: Sendable {
    public var id: Household.ID
    public var household: Household
    public var version: Int
    public var updatedAt: Date
    public var villageName: String?
    /// The import that last wrote the household.
    public var lastImport: ImportMark?

    public init(id: Household.ID, household: Household, version: Int, updatedAt: Date, villageName: String?, lastImport: ImportMark?) {
        self.id = id
        self.household = household
        self.version = version
        self.updatedAt = updatedAt
        self.villageName = villageName
        self.lastImport = lastImport
    }

    public struct ImportMark: Sendable {
        public var file: String
        public var at: Date
        public var actor: String
    }
}
