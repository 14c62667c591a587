import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Reads of whole households (with members and incomes).
public enum HouseholdStore {
    /// How many households the registry holds.
    public static func count(on db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM households").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// True when the registry holds no household at all (a first load: nothing to look up or conflict with).
    static func registryIsEmpty(on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT id FROM households LIMIT 1").first() == nil
    }

    /// A household by its database ID, or nil — also when it lies outside the scope, so that a
    /// household out of reach looks exactly like one that does not exist.
    public static func find(_ id: Household.ID, scope: AccessScope, on db: any Database) async throws -> HouseholdDetail? {
        let sql = db as! any SQLDatabase
        async let memberRows = sql.raw("SELECT * FROM members WHERE household_id = \(bind: id.rawValue) ORDER BY position").all()
        async let incomeRows = sql.raw("SELECT * FROM household_incomes WHERE household_id = \(bind: id.rawValue) ORDER BY year").all()
        guard let row = try await sql.raw("""
            SELECT h.*, a.name AS village_name, b.file_name AS import_file, b.started_at AS import_at, b.actor AS import_actor
            FROM households h LEFT JOIN areas a ON a.code = h.village_code LEFT JOIN import_batches b ON b.id = h.import_id
            WHERE h.id = \(bind: id.rawValue)
            """).first() else { return nil }
        let members = try await memberRows.compactMap(RowMapping.member)
        let incomes = try await incomeRows.map(RowMapping.income)
        guard let household = try RowMapping.household(row, members: members, incomes: incomes),
              scope.includes(household.villageCode) else { return nil }
        return HouseholdDetail(id: id, household: household, version: try row.decode(column: "version", as: Int.self),
                               updatedAt: try row.decode(column: "updated_at", as: Date.self),
                               villageName: try row.decode(column: "village_name", as: String?.self),
                               lastImport: try row.decode(column: "import_file", as: String?.self).map { file in
                                   HouseholdDetail.ImportMark(file: file, at: try row.decode(column: "import_at", as: Date.self),
                                                              actor: try row.decode(column: "import_actor", as: String.self))
                               })
    }
}
