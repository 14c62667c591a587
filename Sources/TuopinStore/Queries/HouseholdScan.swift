import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import SQLiteNIO
import TuopinDomain

/// Reads every household under an area, in windows of database IDs, with the members' fields the
/// rules need and the incomes of the years asked for — for the exit test, the village indicators
/// and monitoring over a whole county or province. On SQLite the rows are read raw through the
/// driver (SQLKit's decoding cost several times more than the rules themselves).
public enum HouseholdScan {
    public struct Scanned: Sendable {
        public var id: Int64
        public var household: Household
    }

    static let householdColumns = "id, household_no, village_code, household_type, identification_standard, main_cause, identified_year, exit_year, housing_grade, housing_resolved, food_secure, clothing_secure, water_safe, power_supplied, broadcast_reception"
    static let memberColumns = "household_id, name, id_number, disability_suffix, relation, schooling, education_exempt, health, medical_insurance"
    static let incomeColumns = "household_id, year, wage_fen, business_fen, property_fen, transfer_fen, business_expense_fen"

    /// Calls `body` with each window's households in ID order.
    public static func forEach(area: AreaCode?, incomeYears: [Int], window: Int64 = 20_000, on db: any Database,
                               _ body: ([Scanned]) throws -> Void) async throws {
        let sql = db as! any SQLDatabase
        guard let bounds = try await sql.raw("SELECT MIN(id) AS lo, MAX(id) AS hi FROM households").first(),
              let lo = try bounds.decode(column: "lo", as: Int64?.self), let hi = try bounds.decode(column: "hi", as: Int64?.self) else { return }
        let (low, high) = (area ?? AreaCode("110000")!).villageRange
        let areaClause = area == nil ? "" : " AND village_code BETWEEN '\(low)' AND '\(high)'"
        let years = incomeYears.isEmpty ? "NULL" : incomeYears.map(String.init).joined(separator: ",")
        var start = lo
        while start <= hi {
            let end = start + window - 1
            let range = "BETWEEN \(start) AND \(end)"
            let households = try await rows("SELECT \(householdColumns) FROM households WHERE id \(range)\(areaClause) ORDER BY id", on: db)
            if !households.isEmpty {
                let members = try await rows("SELECT \(memberColumns) FROM members WHERE household_id \(range) ORDER BY household_id, position", on: db)
                let incomes = try await rows("SELECT \(incomeColumns) FROM household_incomes WHERE household_id \(range) AND year IN (\(years)) ORDER BY household_id, year", on: db)
                try body(assemble(households, members: members, incomes: incomes))
            }
            start = end + 1
        }
    }

    /// All rows of a query (only numbers and fixed codes are spliced into the SQL).
    static func rows(_ query: String, on db: any Database) async throws -> [any ScanRow] {
        if let sqlite = db as? any SQLiteDatabase {
            // The connection's own async query calls back on its thread for each row; the database-level
            // variant hops to the event loop per row (a wake-up each), which cost ten times the reading.
            let box = NIOLockedValueBox<[SQLiteRow]>([])
            try await sqlite.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    try await conn.query(query, []) { row in box.withLockedValue { $0.append(row) } }
                }
            }.get()
            return box.withLockedValue { $0 }
        }
        return try await (db as! any SQLDatabase).raw(SQLQueryString(query)).all().map(SQLKitScanRow.init)
    }

    /// Joins the three ordered row lists into households.
    static func assemble(_ households: [any ScanRow], members: [any ScanRow], incomes: [any ScanRow]) -> [Scanned] {
        var result: [Scanned] = []
        result.reserveCapacity(households.count)
        var mi = 0, ii = 0
        for r in households {
            guard let id = r.int("id") else { continue }
            var list: [Member] = []
            while mi < members.count, let hid = members[mi].int("household_id"), hid <= id {
                if hid == id, let m = member(members[mi]) { list.append(m) }
                mi += 1
            }
            var yearly: [HouseholdIncome] = []
            while ii < incomes.count, let hid = incomes[ii].int("household_id"), hid <= id {
                if hid == id { yearly.append(income(incomes[ii])) }
                ii += 1
            }
            guard let village = r.text("village_code").flatMap(AreaCode.init),
                  let type = r.text("household_type").flatMap(HouseholdType.init(rawValue:)),
                  let cause = r.text("main_cause").flatMap(PovertyCause.init(rawValue:)) else { continue }
            let h = Household(number: r.text("household_no") ?? "", villageCode: village, type: type,
                              standard: r.text("identification_standard").flatMap(IdentificationStandard.init(rawValue:)) ?? .national,
                              mainCause: cause, identifiedYear: Int(r.int("identified_year") ?? 0), exitYear: r.int("exit_year").map(Int.init),
                              housingGrade: r.text("housing_grade").flatMap(HousingGrade.init(rawValue:)), housingResolved: r.bool("housing_resolved"),
                              foodSecure: r.bool("food_secure"), clothingSecure: r.bool("clothing_secure"), waterSafe: r.bool("water_safe"),
                              powerSupplied: r.bool("power_supplied"), broadcastReception: r.bool("broadcast_reception"),
                              members: list, incomes: yearly)
            result.append(Scanned(id: id, household: h))
        }
        return result
    }

    static func member(_ r: any ScanRow) -> Member? {
        guard let id = r.text("id_number").flatMap({ ResidentID.stored($0 + (r.text("disability_suffix") ?? "")) }),
              let relation = r.text("relation").flatMap(Relation.init(rawValue:)) else { return nil }
        return Member(name: r.text("name") ?? "", id: id, relation: relation, schooling: r.text("schooling").flatMap(Schooling.init(rawValue:)),
                      educationExempt: r.bool("education_exempt"), health: r.text("health").flatMap(Health.init(rawValue:)),
                      medicalInsurance: r.bool("medical_insurance"))
    }

    static func income(_ r: any ScanRow) -> HouseholdIncome {
        func m(_ c: String) -> Money? { r.int(c).map(Money.init(fen:)) }
        return HouseholdIncome(year: Int(r.int("year") ?? 0), wage: m("wage_fen"), business: m("business_fen"), property: m("property_fen"),
                               transfer: m("transfer_fen"), businessExpense: m("business_expense_fen"))
    }
}
