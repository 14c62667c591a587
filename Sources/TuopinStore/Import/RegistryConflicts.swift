import FluentKit
import SQLKit
import TuopinDomain
import TuopinExchange

/// The checks of a file against the registry already stored.
enum RegistryConflicts {
    struct Result {
        var issues: [ImportIssue] = []
        /// Households of the file the registry already has (by county and 户编号).
        var knownHouseholds = 0
    }

    /// Values per query: 2,000 IDs (6,000 bound values; SQLite allows 32,766, PostgreSQL 65,535).
    static let chunk = 2_000

    static func check(_ read: RegistryReadResult, on db: any Database) async throws -> Result {
        var result = Result()
        let sql = db as! any SQLDatabase
        guard try await !HouseholdStore.registryIsEmpty(on: sql) else { return result }
        let keys = Set(read.households.map(HouseholdKey.of))
        // Households already known.
        let byCounty = Dictionary(grouping: read.households, by: { $0.villageCode.countyPart })
        for (county, list) in byCounty {
            for start in stride(from: 0, to: list.count, by: chunk) {
                let numbers = list[start..<min(start + chunk, list.count)].map(\.number)
                let rows = try await sql.raw("SELECT COUNT(*) AS n FROM households WHERE county_code = \(bind: county) AND household_no IN (\(binds: numbers))").first()
                result.knownHouseholds += try rows?.decode(column: "n", as: Int.self) ?? 0
            }
        }
        // One person, one household: an ID registered under a household this file does not carry. The
        // database is sent each ID with the household the file puts it in and answers only the IDs stored
        // under another household (a reload of the same file: none) instead of every member of the file.
        let members = read.households.flatMap { h in h.members.map { (id: $0.id.number, county: h.villageCode.countyPart, number: h.number) } }
        for start in stride(from: 0, to: members.count, by: chunk) {
            let slice = members[start..<min(start + chunk, members.count)]
            var query = SQLQueryString("SELECT m.id_number, h.county_code, h.household_no FROM (VALUES ")
            for (i, m) in slice.enumerated() {
                query.appendInterpolation(unsafeRaw: i == 0 ? "(" : ", (")
                query.appendInterpolation(bind: m.id)
                query.appendInterpolation(unsafeRaw: ", ")
                query.appendInterpolation(bind: m.county)
                query.appendInterpolation(unsafeRaw: ", ")
                query.appendInterpolation(bind: m.number)
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: """
                ) AS f JOIN members m ON m.id_number = f.column1 JOIN households h ON h.id = m.household_id
                WHERE h.county_code <> f.column2 OR h.household_no <> f.column3
                """)
            for row in try await sql.raw(query).all() {
                let id = try row.decode(column: "id_number", as: String.self)
                let number = try row.decode(column: "household_no", as: String.self)
                let key = HouseholdKey.make(county: try row.decode(column: "county_code", as: String.self), number: number)
                guard !keys.contains(key) else { continue }   // moving between households of this file is allowed
                result.issues.append(.error(read.memberRows[id], .idNumber, id,
                    "证件号码已登记在户编号\(number)（不在本文件中）：一人只能在一户 / ID number is already registered in household \(number), which this file does not carry: one person, one household"))
            }
        }
        return result
    }
}
