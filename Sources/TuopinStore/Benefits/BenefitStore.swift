import Crypto
import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 到户资金 — payment lists loaded in batches (bulk), each household's ledger, the registry facts the leak check
/// needs, and the decisions on leak flags.
public enum BenefitStore {
    static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }

    public struct Batch: Sendable {
        public var policy: String, department: String, file: String, digest: String, rows: Int, county: AreaCode, username: String, date: LocalDate
        public init(policy: String, department: String, file: String, digest: String, rows: Int, county: AreaCode, username: String, date: LocalDate) {
            self.policy = policy; self.department = department; self.file = file; self.digest = digest; self.rows = rows; self.county = county
            self.username = username; self.date = date
        }
    }

    /// Writes a batch and its payments; returns the batch's ID.
    public static func load(_ batch: Batch, _ payments: [Benefit], on db: any Database) async throws -> Int64 {
        let id = try await startBatch(batch, on: db)
        try await DeferredIndexes.around("benefits", rows: payments.count, on: db) {
            try await append(payments, batch: id, on: db)
        }
        return id
    }

    /// The batch's row, before its payments (`append`); `batch.rows` is corrected by `finishBatch` when the count
    /// is known only at the end (a list written as it is read).
    public static func startBatch(_ batch: Batch, on db: any Database) async throws -> Int64 {
        let row = try await sql(db).raw("""
            INSERT INTO benefit_batches (policy, department, file, digest, rows_loaded, county_code, username, loaded_on)
            VALUES (\(bind: batch.policy), \(bind: batch.department), \(bind: batch.file), \(bind: batch.digest), \(bind: batch.rows), \(bind: batch.county.value),
            \(bind: batch.username), \(bind: batch.date.description)) RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int64.self)
    }

    public static func finishBatch(_ id: Int64, rows: Int, on db: any Database) async throws {
        try await sql(db).raw("UPDATE benefit_batches SET rows_loaded = \(bind: rows) WHERE id = \(bind: id)").run()
    }

    /// `body` writes about `rows` payments: from the deferred-index size on, the table's indexes are built after them.
    public static func loading<T>(rows: Int, on db: any Database, _ body: () async throws -> T) async throws -> T {
        try await DeferredIndexes.around("benefits", rows: rows, on: db, body)
    }

    /// Payments of the batch, written in bulk.
    public static func append(_ payments: [Benefit], batch id: Int64, on db: any Database) async throws {
        let rows: [[BulkValue]] = payments.map { p in
            [.int(id), .text(p.idNumber), .text(p.name), p.household.map { .int($0.rawValue) } ?? .null, .text(p.policy), .int(p.amount.fen),
             .text(p.date.description), .text(p.department), p.project.map { .int($0.rawValue) } ?? .null, .text(p.county.value)]
        }
        try await BulkWriter(db).insert(into: "benefits", columns: ["batch_id", "id_number", "name", "household_id", "policy", "amount_fen", "paid_on",
                                                                    "department", "project_id", "county_code"], rows: rows)
    }

    /// The SHA-256 of a loaded file, in hex (kept with the batch and in the trail).
    public static func digest(_ url: URL) throws -> String {
        SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether a file with this digest was already loaded for the county and policy.
    public static func loaded(digest: String, policy: String, county: AreaCode, on db: any Database) async throws -> Bool {
        try await sql(db).raw("SELECT id FROM benefit_batches WHERE digest = \(bind: digest) AND policy = \(bind: policy) AND county_code = \(bind: county.value)")
            .first() != nil
    }

    static func benefit(_ r: any SQLRow) throws -> Benefit {
        Benefit(id: Benefit.ID(try r.decode(column: "id", as: Int64.self)), idNumber: try r.decode(column: "id_number", as: String.self),
                name: try r.decode(column: "name", as: String.self), household: try r.decode(column: "household_id", as: Int64?.self).map { Household.ID($0) },
                policy: try r.decode(column: "policy", as: String.self), amount: Money(fen: try r.decode(column: "amount_fen", as: Int64.self)),
                date: LocalDate(iso: try r.decode(column: "paid_on", as: String.self))!, department: try r.decode(column: "department", as: String.self),
                project: try r.decode(column: "project_id", as: Int64?.self).map { Project.ID($0) },
                county: AreaCode(try r.decode(column: "county_code", as: String.self))!)
    }

    /// 防漏表 — every payment to the household's members, newest first.
    public static func ledger(_ household: Household.ID, on db: any Database) async throws -> [Benefit] {
        try await sql(db).raw("SELECT * FROM benefits WHERE household_id = \(bind: household.rawValue) ORDER BY paid_on DESC, id DESC").all().map(benefit)
    }

    static let paymentColumns = ScanColumns(["id", "id_number", "name", "household_id", "policy", "amount_fen", "paid_on", "department", "project_id",
                                             "county_code"])

    /// The county's payments of a year (read by position: a province's year is millions of rows; `file` is the
    /// SQLite database file when there is one).
    /// `idNumbers`: only these persons' payments (ID numbers that are not 18 digits, the last one possibly X, are left
    /// out: they are spliced into the query).
    public static func payments(county: AreaCode, year: Int, idNumbers: [String]? = nil, file: String? = nil, on db: any Database) async throws -> [Benefit] {
        let c = paymentColumns
        var found: [Benefit] = []
        var only = ""
        if let idNumbers {
            let safe = idNumbers.filter { $0.utf8.count == 18 && $0.utf8.enumerated().allSatisfy { i, b in (48...57).contains(b) || (i == 17 && b == 88) } }
            guard !safe.isEmpty else { return [] }
            only = " AND id_number IN (\(safe.map { "'\($0)'" }.joined(separator: ", ")))"
        }
        try await PositionalQuery.each("""
            SELECT \(c.selectList) FROM benefits WHERE county_code = '\(county.value)' AND paid_on BETWEEN '\(year)-01-01' AND '\(year)-12-31'\(only)
            """, file: file, on: db) { r in
            guard let id = r.int(c["id"]), let idNumber = r.text(c["id_number"]), let policy = r.text(c["policy"]), let fen = r.int(c["amount_fen"]),
                  let day = r.text(c["paid_on"]).flatMap(LocalDate.init(iso:)) else { return }
            found.append(Benefit(id: Benefit.ID(id), idNumber: idNumber, name: r.text(c["name"]) ?? "", household: r.int(c["household_id"]).map { Household.ID($0) },
                                 policy: policy, amount: Money(fen: fen), date: day, department: r.text(c["department"]) ?? "",
                                 project: r.int(c["project_id"]).map { Project.ID($0) }, county: county))
        }
        return found
    }

    /// The select list of `homes`, as the rows name them (households `h`, members `m`).
    static let homeColumns = ScanColumns(["id", "household_no", "village_code", "exit_year", "housing_grade", "housing_resolved", "id_number", "name",
                                          "birth_date", "schooling", "position"])

    /// The county's household that holds the person with this ID number, as the leak check and the matching read it
    /// (for finding one flag again without reading the county); nil when the registry does not hold them.
    public static func home(holding idNumber: String, county: AreaCode, file: String? = nil, on db: any Database) async throws -> LeakCheck.Home? {
        guard let number = try await HouseholdEditor.foreignMembers([idNumber], householdID: nil, on: db)[idNumber],
              let ref = try await HouseholdStore.references(numbers: [number], county: county, on: db)[number] else { return nil }
        return try await homes(under: ref.village, file: file, on: db).first { $0.id == ref.id }
    }

    /// The registry's households under an area with the members' ID numbers, birth dates and schooling (what the leak
    /// check needs), read by position as the payments are; in household ID order, members in 序号 order. The query
    /// is not sorted (a sort of every member cost a third of the read): rows are gathered by household here.
    public static func homes(under area: AreaCode, file: String? = nil, on db: any Database) async throws -> [LeakCheck.Home] {
        let c = homeColumns
        var homes: [LeakCheck.Home] = []
        var positions: [[Int64]] = []
        var index: [Household.ID: Int] = [:]
        try await PositionalQuery.each("""
            SELECT h.id, h.household_no, h.village_code, h.exit_year, h.housing_grade, h.housing_resolved, m.id_number, m.name, m.birth_date, m.schooling,
            m.position FROM households h JOIN members m ON m.household_id = h.id WHERE \(SQLConditions.withinText(area, column: "h.village_code"))
            """, file: file, on: db) { r in
            guard let raw = r.int(c["id"]), let idNumber = r.text(c["id_number"]) else { return }
            let id = Household.ID(raw)
            let person = LeakCheck.Person(idNumber: idNumber, birth: r.text(c["birth_date"]).flatMap(LocalDate.init(iso:)) ?? LocalDate(year: 1900, month: 1, day: 1)!,
                                          schooling: r.text(c["schooling"]).flatMap(Schooling.parse), name: r.text(c["name"]) ?? "")
            let position = r.int(c["position"]) ?? 0
            let at: Int
            if let last = homes.indices.last, homes[last].id == id { at = last } else if let known = index[id] { at = known } else {
                guard let number = r.text(c["household_no"]), let village = r.text(c["village_code"]).flatMap(AreaCode.init) else { return }
                index[id] = homes.count
                homes.append(LeakCheck.Home(id: id, number: number, village: village, exitYear: r.int(c["exit_year"]).map(Int.init),
                                            housing: r.text(c["housing_grade"]).flatMap(HousingGrade.parse),
                                            housingResolved: r.bool(c["housing_resolved"]) ?? false, members: []))
                positions.append([])
                at = homes.count - 1
            }
            homes[at].members.append(person)
            positions[at].append(position)
        }
        for i in homes.indices where zip(positions[i], positions[i].dropFirst()).contains(where: { $0 > $1 }) {
            homes[i].members = zip(positions[i], homes[i].members).sorted { $0.0 < $1.0 }.map(\.1)
        }
        var order = Array(homes.indices)
        order.sort { homes[$0].id.rawValue < homes[$1].id.rawValue }
        return order.map { homes[$0] }
    }

    /// 核实结论 on a leak flag.
    public struct Decision: Sendable, Hashable {
        public var key: String, outcome: String, reason: String, date: LocalDate, username: String
        public init(key: String, outcome: String, reason: String, date: LocalDate, username: String) {
            self.key = key; self.outcome = outcome; self.reason = reason; self.date = date; self.username = username
        }
    }

    public static func decisions(county: AreaCode, year: Int, on db: any Database) async throws -> [String: Decision] {
        let rows = try await sql(db).raw("SELECT * FROM leak_decisions WHERE county_code = \(bind: county.value) AND year = \(bind: year)").all()
        var found: [String: Decision] = [:]
        for r in rows {
            let d = Decision(key: try r.decode(column: "flag_key", as: String.self), outcome: try r.decode(column: "outcome", as: String.self),
                             reason: try r.decode(column: "reason", as: String.self), date: LocalDate(iso: try r.decode(column: "decided_on", as: String.self))!,
                             username: try r.decode(column: "username", as: String.self))
            found[d.key] = d
        }
        return found
    }

    /// Records (or replaces) the decision on a flag.
    public static func decide(_ flag: LeakCheck.Flag, _ d: Decision, county: AreaCode, on db: any Database) async throws {
        try await sql(db).raw("DELETE FROM leak_decisions WHERE flag_key = \(bind: flag.key)").run()
        try await sql(db).raw("""
            INSERT INTO leak_decisions (flag_key, year, id_number, policy, rule, outcome, reason, decided_on, username, county_code)
            VALUES (\(bind: flag.key), \(bind: flag.year), \(bind: flag.idNumber), \(bind: flag.policy), \(bind: flag.rule.rawValue), \(bind: d.outcome),
            \(bind: d.reason), \(bind: d.date.description), \(bind: d.username), \(bind: county.value))
            """).run()
    }

    /// ID number → household, for the members of the registry in a county.
    public static func members(county: AreaCode, file: String? = nil, on db: any Database) async throws -> [String: Household.ID] {
        let c = ScanColumns(["id_number", "household_id"])
        var found: [String: Household.ID] = [:]
        try await PositionalQuery.each("""
            SELECT m.id_number, m.household_id FROM members m JOIN households h ON h.id = m.household_id
            WHERE \(SQLConditions.withinText(county, column: "h.village_code"))
            """, file: file, on: db) { r in
            if let number = r.text(c["id_number"]), let id = r.int(c["household_id"]) { found[number] = Household.ID(id) }
        }
        return found
    }
}
