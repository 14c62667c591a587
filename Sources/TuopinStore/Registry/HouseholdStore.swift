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
    /// A household found by its 户编号: its ID, village, 户主 and whether it has exited.
    public struct Reference: Sendable, Hashable {
        public var id: Household.ID
        public var number: String
        public var village: AreaCode
        public var head: String
        public var exited: Bool
    }

    /// The columns a `Reference` is read from (the 户主 is the member in the first position).
    static let referenceColumns: SQLQueryString = """
        SELECT h.id, h.household_no, h.village_code, h.exit_year,
        (SELECT m.name FROM members m WHERE m.household_id = h.id ORDER BY m.position LIMIT 1) AS head FROM households h
        """

    static func reference(_ r: any SQLRow) throws -> Reference {
        Reference(id: Household.ID(try r.decode(column: "id", as: Int64.self)), number: try r.decode(column: "household_no", as: String.self),
                  village: AreaCode(try r.decode(column: "village_code", as: String.self))!,
                  head: try r.decode(column: "head", as: String?.self) ?? "", exited: try r.decode(column: "exit_year", as: Int?.self) != nil)
    }

    /// Households by 户编号 within a county (or anywhere when nil; a number found twice is left out).
    public static func references(numbers: [String], county: AreaCode?, on db: any Database) async throws -> [String: Reference] {
        let sql = db as! any SQLDatabase
        var found: [String: Reference] = [:], twice: Set<String> = []
        let unique = Array(Set(numbers))
        for start in stride(from: 0, to: unique.count, by: 500) {
            var q = referenceColumns
            q.appendInterpolation(" WHERE h.household_no IN (\(binds: Array(unique[start..<min(start + 500, unique.count)])))" as SQLQueryString)
            if let county { q.appendLiteral(" AND h.county_code = "); q.appendInterpolation(bind: county.countyPart) }
            for ref in try await sql.raw(q).all().map(reference) {
                if found[ref.number] != nil { twice.insert(ref.number) }
                found[ref.number] = ref
            }
        }
        for n in twice { found[n] = nil }
        return found
    }

    /// The same, by household ID.
    public static func references(ids: [Household.ID], on db: any Database) async throws -> [Household.ID: Reference] {
        let sql = db as! any SQLDatabase
        var found: [Household.ID: Reference] = [:]
        let unique = Array(Set(ids.map(\.rawValue)))
        for start in stride(from: 0, to: unique.count, by: 500) {
            var q = referenceColumns
            q.appendInterpolation(" WHERE h.id IN (\(binds: Array(unique[start..<min(start + 500, unique.count)])))" as SQLQueryString)
            for ref in try await sql.raw(q).all().map(reference) { found[ref.id] = ref }
        }
        return found
    }

    /// Households not exited under an area (ID and village), for the coverage check.
    public static func pending(under area: AreaCode, on db: any Database) async throws -> [(id: Household.ID, village: AreaCode)] {
        try await (db as! any SQLDatabase).raw("""
            SELECT id, village_code FROM households WHERE exit_year IS NULL AND \(SQLConditions.within(area, column: "village_code"))
            """).all().map { (Household.ID(try $0.decode(column: "id", as: Int64.self)), AreaCode(try $0.decode(column: "village_code", as: String.self))!) }
    }

    /// Households under an area still poor at the start of `year` (not yet exited, or exiting in it or later).
    public static func poor(under area: AreaCode, in year: Int, on db: any Database) async throws -> [(id: Household.ID, village: AreaCode)] {
        try await (db as! any SQLDatabase).raw("""
            SELECT id, village_code FROM households WHERE (exit_year IS NULL OR exit_year >= \(bind: year))
            AND \(SQLConditions.within(area, column: "village_code")) ORDER BY id
            """).all().map { (Household.ID(try $0.decode(column: "id", as: Int64.self)), AreaCode(try $0.decode(column: "village_code", as: String.self))!) }
    }

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
