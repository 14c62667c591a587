import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Writes households entered or edited on the pages: an edit only over the version the editor saw. Runs
/// inside the caller's transaction; `HouseholdService` checks permission and records the audit events.
public enum HouseholdEditor {
    /// Someone saved the household after the editor opened it; nothing was written.
    public struct Conflict: Refusal {
        public var current: HouseholdDetail
        /// Fields whose stored value differs from the editor's: name → (theirs, stored now).
        public var changed: [String: (seen: String, now: String)]
        public var kind: RefusalKind { .conflict }
        public var chinese: String {
            "保存失败：此户已被他人修改为第\(current.version)版（\(changed.keys.sorted().joined(separator: "、"))），您的修改未保存，请核对后重新提交"
        }
        public var english: String { "not saved: someone else saved version \(current.version) meanwhile; check and submit again" }
    }

    /// Applies `edited` to household `id` if it is still at `expectedVersion`; returns the household as it was.
    @discardableResult
    public static func apply(_ edited: Household, id: Household.ID, expectedVersion: Int, now: Date, on db: any Database) async throws -> Household {
        let sql = db as! any SQLDatabase
        guard let current = try await HouseholdStore.find(id, scope: .everything, on: db) else { throw householdMissing() }
        if current.version != expectedVersion {
            let now = HouseholdDiff.fields(current.household), mine = HouseholdDiff.fields(edited)
            var changed: [String: (seen: String, now: String)] = [:]
            for (k, v) in mine where now[k] != v { changed[k] = (seen: v, now: now[k] ?? "") }
            throw Conflict(current: current, changed: changed)
        }
        let h = edited
        if let (number, other) = try await foreignMembers(h.members.map(\.id.number), householdID: id, on: db).first {
            throw MemberElsewhere(idNumber: number, householdNumber: other)
        }
        var update: SQLQueryString = "UPDATE households SET "
        for column in HouseholdColumn.edited {
            update.appendInterpolation(ident: column.rawValue)
            update.appendLiteral(" = ")
            update.appendInterpolation(value: column.value(h, importID: nil, now: now))
            update.appendLiteral(", ")
        }
        update.appendLiteral("version = version + 1, updated_at = ")
        update.appendInterpolation(bind: now)
        update.appendLiteral(" WHERE id = ")
        update.appendInterpolation(bind: id.rawValue)
        update.appendLiteral(" AND version = ")
        update.appendInterpolation(bind: expectedVersion)
        try await sql.raw(update).run()
        try await writeMembers(h.members, householdID: id, on: sql)
        try await writeIncomes(h.incomes, householdID: id, on: sql)
        return current.household
    }

    /// 新增户 — enters a new household with its members; its 户编号 must be new in the county and each
    /// member's ID new to the registry. Returns its ID.
    @discardableResult
    public static func create(_ h: Household, now: Date, on db: any Database) async throws -> Household.ID {
        let sql = db as! any SQLDatabase
        if try await sql.raw("SELECT id FROM households WHERE county_code = \(bind: h.villageCode.countyPart) AND household_no = \(bind: h.number)").first() != nil {
            throw NumberTaken(number: h.number)
        }
        if let (number, other) = try await foreignMembers(h.members.map(\.id.number), householdID: nil, on: db).first {
            throw MemberElsewhere(idNumber: number, householdNumber: other)
        }
        try await AreaStore.ensure(villages: [h.villageCode], on: db)
        try await BulkWriter(db).insert(into: HouseholdRecord.schema, columns: RegistryRows.householdColumns,
                                        rows: [RegistryRows.household(h, importID: nil, now: now)])
        let id = Household.ID(try await sql.raw("SELECT id FROM households WHERE county_code = \(bind: h.villageCode.countyPart) AND household_no = \(bind: h.number)").first()!
            .decode(column: "id", as: Int64.self))
        try await writeMembers(h.members, householdID: id, on: sql)
        try await writeIncomes(h.incomes, householdID: id, on: sql)
        return id
    }

    /// The 户编号 is already used in the county.
    public struct NumberTaken: Refusal {
        public var number: String
        public var kind: RefusalKind { .invalid }
        public var chinese: String { "户编号\(number)在本县已被使用" }
        public var english: String { "household number \(number) is taken in this county" }
        public var field: String? { "household_no" }
    }

    /// Removes a household (错评剔除, 自然销户) with its members and incomes; returns it as it was.
    @discardableResult
    public static func remove(id: Household.ID, expectedVersion: Int, on db: any Database) async throws -> Household {
        guard let current = try await HouseholdStore.find(id, scope: .everything, on: db) else { throw householdMissing() }
        if current.version != expectedVersion { throw Conflict(current: current, changed: [:]) }
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM household_incomes WHERE household_id = \(bind: id.rawValue)").run()
        try await sql.raw("DELETE FROM members WHERE household_id = \(bind: id.rawValue)").run()
        try await sql.raw("DELETE FROM households WHERE id = \(bind: id.rawValue)").run()
        return current.household
    }

    /// The household's members become exactly `members`: matched by ID number, new ones added, missing ones removed.
    static func writeMembers(_ members: [Member], householdID: Household.ID, on sql: any SQLDatabase) async throws {
        let ids = members.map(\.id.number)
        if ids.isEmpty {
            try await sql.raw("DELETE FROM members WHERE household_id = \(bind: householdID.rawValue)").run()
        } else {
            try await sql.raw("DELETE FROM members WHERE household_id = \(bind: householdID.rawValue) AND id_number NOT IN (\(binds: ids))").run()
        }
        let rows = members.enumerated().map { RegistryRows.member($0.element, householdID: householdID.rawValue, position: $0.offset, importID: nil) }
        try await BulkWriter(sql as! any Database).insert(into: MemberRecord.schema, columns: RegistryRows.memberColumns, rows: rows,
                                                          upsert: RegistryRows.memberUpsert)
    }

    /// The household's incomes become `incomes`: one record per year, years no longer listed removed.
    static func writeIncomes(_ incomes: [HouseholdIncome], householdID: Household.ID, on sql: any SQLDatabase) async throws {
        let years = incomes.map(\.year)
        if years.isEmpty {
            try await sql.raw("DELETE FROM household_incomes WHERE household_id = \(bind: householdID.rawValue)").run()
            return
        }
        try await sql.raw("DELETE FROM household_incomes WHERE household_id = \(bind: householdID.rawValue) AND year NOT IN (\(binds: years))").run()
        let rows = incomes.map { RegistryRows.income($0, householdID: householdID.rawValue) }
        try await BulkWriter(sql as! any Database).insert(into: HouseholdIncomeRecord.schema, columns: RegistryRows.incomeColumns, rows: rows,
                                                          upsert: RegistryRows.incomeUpsert)
    }

    /// ID numbers among `ids` registered in another household than `householdID` (any household when nil):
    /// ID → that household's 户编号.
    public static func foreignMembers(_ ids: [String], householdID: Household.ID?, on db: any Database) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for row in try await (db as! any SQLDatabase).raw("""
            SELECT m.id_number, h.household_no FROM members m JOIN households h ON h.id = m.household_id
            WHERE m.id_number IN (\(binds: ids)) AND m.household_id <> \(bind: householdID?.rawValue ?? -1)
            """).all() {
            result[try row.decode(column: "id_number", as: String.self)] = try row.decode(column: "household_no", as: String.self)
        }
        return result
    }

    /// One person, one household: the ID is registered elsewhere.
    public struct MemberElsewhere: Refusal {
        public var idNumber: String
        public var householdNumber: String
        public var kind: RefusalKind { .conflict }
        public var chinese: String { "证件号码\(idNumber)已登记在户编号\(householdNumber)：一人只能在一户" }
        public var english: String { "ID number \(idNumber) is registered in household \(householdNumber): one person, one household" }
        public var field: String? { "id_number" }
    }

    static func householdMissing() -> Refused { .notFound("没有这一户", "no such household") }
}
