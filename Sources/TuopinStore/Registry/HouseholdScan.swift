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
        public var id: Household.ID
        public var household: Household
    }

    static let householdColumns = ScanColumns([HouseholdColumn.id, .householdNo, .villageCode, .householdType, .identificationStandard, .mainCause,
                                               .identifiedYear, .exitYear, .housingGrade, .housingResolved, .foodSecure, .clothingSecure,
                                               .waterSafe, .powerSupplied, .broadcastReception].map(\.rawValue))
    static let memberColumns = ScanColumns([MemberColumn.householdID, .position, .name, .idNumber, .disabilitySuffix, .relation, .schooling,
                                            .educationExempt, .health, .labour, .workPlace, .workMonths, .medicalInsurance].map(\.rawValue))
    static let incomeColumns = ScanColumns(IncomeColumn.written.map(\.rawValue))

    /// Calls `body` with each window's households in ID order. With `file` (a SQLite database file) the
    /// rows are read through the C API on a connection of their own, and the next window is read while
    /// `body` works on the current one.
    public static func forEach(area: AreaCode?, incomeYears: [Int], window: Int64 = 20_000, file: String? = nil, on db: any Database,
                               _ body: ([Scanned]) throws -> Void) async throws {
        let sql = db as! any SQLDatabase
        guard let bounds = try await sql.raw("SELECT MIN(id) AS lo, MAX(id) AS hi FROM households").first(),
              let lo = try bounds.decode(column: "lo", as: Int64?.self), let hi = try bounds.decode(column: "hi", as: Int64?.self) else { return }
        let (low, high) = (area ?? AreaCode("110000")!).villageRange
        let areaClause = area == nil ? "" : " AND village_code BETWEEN '\(low)' AND '\(high)'"
        let years = incomeYears.isEmpty ? "NULL" : incomeYears.map(String.init).joined(separator: ",")
        @Sendable func queries(_ start: Int64) -> (households: String, members: String, incomes: String) {
            let range = "BETWEEN \(start) AND \(start + window - 1)"
            return ("SELECT \(householdColumns.selectList) FROM households WHERE id \(range)\(areaClause) ORDER BY id",
                    "SELECT \(memberColumns.selectList) FROM members WHERE household_id \(range) ORDER BY household_id",
                    "SELECT \(incomeColumns.selectList) FROM household_incomes WHERE household_id \(range) AND year IN (\(years)) ORDER BY household_id, year")
        }
        if let file {
            // Two connections read alternate windows while the caller evaluates the one before: on two cores
            // reading, assembling and the rules overlap. A connection is reused only after its last window was taken.
            let readers = try (0..<2).map { _ in try SQLiteFileReader(path: file) }
            @Sendable func read(_ reader: SQLiteFileReader, _ start: Int64) -> Task<[Scanned], any Error> {
                Task.detached { try stream(queries(start), from: reader) }
            }
            var starts = stride(from: lo, through: hi, by: Int(window)).makeIterator()
            var pending: [Task<[Scanned], any Error>] = []
            var launched = 0
            func launch() {
                guard let start = starts.next() else { return }
                pending.append(read(readers[launched % readers.count], start))
                launched += 1
            }
            launch()
            launch()
            while !pending.isEmpty {
                let current = try await pending.removeFirst().value
                launch()
                if !current.isEmpty { try body(current) }
            }
            return
        }
        var start = lo
        while start <= hi {
            let q = queries(start)
            let households = try await rows(q.households, on: db)
            if !households.isEmpty {
                try body(assemble(households, members: try await rows(q.members, on: db), incomes: try await rows(q.incomes, on: db)))
            }
            start += window
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

    /// Reads one window from a SQLite file, stepping the three queries side by side.
    static func stream(_ q: (households: String, members: String, incomes: String), from reader: SQLiteFileReader) throws -> [Scanned] {
        var households = StatementCursor(try reader.statement(q.households))
        try households.advance()
        guard households.row != nil else { return [] }
        var members = StatementCursor(try reader.statement(q.members))
        var incomes = StatementCursor(try reader.statement(q.incomes))
        try members.advance()
        try incomes.advance()
        return try assemble(&households, &members, &incomes)
    }

    /// Joins the three ordered row lists into households.
    static func assemble(_ households: [any ScanRow], members: [any ScanRow], incomes: [any ScanRow]) -> [Scanned] {
        var h = ArrayCursor(households), m = ArrayCursor(members), i = ArrayCursor(incomes)
        // Array cursors never throw.
        return (try? assemble(&h, &m, &i)) ?? []
    }

    /// Joins three cursors, each ordered by household ID, into households. A household row is read in
    /// full before its cursor moves on.
    static func assemble<H: ScanCursor, M: ScanCursor, I: ScanCursor>(_ households: inout H, _ members: inout M, _ incomes: inout I) throws -> [Scanned] {
        var result: [Scanned] = []
        var positions: [Int64] = []
        while let r = households.row {
            if let id = r.int(HC.id) {
                // Members come in household order (the index); their order within a household is restored
                // from 序号 here, which costs far less than a sort in the query.
                var list: [Member] = []
                positions.removeAll(keepingCapacity: true)
                var ordered = true
                while let row = members.row, let hid = row.int(MC.householdId), hid <= id {
                    if hid == id, let m = member(row) {
                        let p = row.int(MC.position) ?? 0
                        if let last = positions.last, p < last { ordered = false }
                        positions.append(p)
                        list.append(m)
                    }
                    try members.advance()
                }
                if !ordered { list = zip(positions, list).sorted { $0.0 < $1.0 }.map(\.1) }
                var yearly: [HouseholdIncome] = []
                while let row = incomes.row, let hid = row.int(IC.householdId), hid <= id {
                    if hid == id { yearly.append(income(row)) }
                    try incomes.advance()
                }
                if let h = household(r, members: list, incomes: yearly) { result.append(Scanned(id: Household.ID(id), household: h)) }
            }
            try households.advance()
        }
        return result
    }

    static func household(_ r: some ScanRow, members: [Member], incomes: [HouseholdIncome]) -> Household? {
        guard let village = r.text(HC.villageCode).flatMap(AreaCode.init),
              let type = r.text(HC.householdType).flatMap(HouseholdType.init(rawValue:)),
              let cause = r.text(HC.mainCause).flatMap(PovertyCause.init(rawValue:)) else { return nil }
        return Household(number: r.text(HC.householdNo) ?? "", villageCode: village, type: type,
                         standard: r.text(HC.identificationStandard).flatMap(IdentificationStandard.init(rawValue:)) ?? .national,
                         mainCause: cause, identifiedYear: Int(r.int(HC.identifiedYear) ?? 0), exitYear: r.int(HC.exitYear).map(Int.init),
                         housingGrade: r.text(HC.housingGrade).flatMap(HousingGrade.init(rawValue:)), housingResolved: r.bool(HC.housingResolved),
                         foodSecure: r.bool(HC.foodSecure), clothingSecure: r.bool(HC.clothingSecure), waterSafe: r.bool(HC.waterSafe),
                         powerSupplied: r.bool(HC.powerSupplied), broadcastReception: r.bool(HC.broadcastReception),
                         members: members, incomes: incomes)
    }

    static func member(_ r: some ScanRow) -> Member? {
        guard let id = r.text(MC.idNumber).flatMap({ ResidentID.stored($0 + (r.text(MC.disabilitySuffix) ?? "")) }),
              let relation = r.text(MC.relation).flatMap(Relation.init(rawValue:)) else { return nil }
        return Member(name: r.text(MC.name) ?? "", id: id, relation: relation, schooling: r.text(MC.schooling).flatMap(Schooling.init(rawValue:)),
                      educationExempt: r.bool(MC.educationExempt), health: r.text(MC.health).flatMap(Health.init(rawValue:)),
                      labour: r.text(MC.labour).flatMap(LabourCapacity.init(rawValue:)), workPlace: r.text(MC.workPlace).flatMap(WorkPlace.init(rawValue:)),
                      workMonths: r.int(MC.workMonths).map(Int.init), medicalInsurance: r.bool(MC.medicalInsurance))
    }

    static func income(_ r: some ScanRow) -> HouseholdIncome {
        func m(_ column: ScanColumn) -> Money? { r.int(column).map(Money.init(fen:)) }
        return HouseholdIncome(year: Int(r.int(IC.year) ?? 0), wage: m(IC.wageFen), business: m(IC.businessFen), property: m(IC.propertyFen),
                               transfer: m(IC.transferFen), businessExpense: m(IC.businessExpenseFen))
    }
}
