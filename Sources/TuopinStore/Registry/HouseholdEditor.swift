import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Writes an edit of a household's own fields: only over the version the editor saw, with the
/// values before and after in the audit trail, in one transaction.
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

    /// Applies `edited` to household `id` if it is still at `expectedVersion`; returns the new version.
    @discardableResult
    public static func apply(_ edited: Household, id: Int64, expectedVersion: Int, actor: User, ip: String?, reason: String?,
                             now: Date, on db: any Database) async throws -> Int {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let current = try await HouseholdStore.find(id, scope: .everything, on: tx) else {
                throw householdMissing()
            }
            if current.version != expectedVersion {
                let now = HouseholdDiff.fields(current.household), mine = HouseholdDiff.fields(edited)
                var changed: [String: (seen: String, now: String)] = [:]
                for (k, v) in mine where now[k] != v { changed[k] = (seen: v, now: now[k] ?? "") }
                throw Conflict(current: current, changed: changed)
            }
            let h = edited
            let foreign = try await foreignMembers(h.members.map(\.id.number), householdID: id, on: tx)
            if let (number, other) = foreign.first {
                throw MemberElsewhere(idNumber: number, householdNumber: other)
            }
            try await sql.raw("""
                UPDATE households SET village_code = \(bind: h.villageCode.value), status = \(bind: h.status.rawValue),
                member_count = \(bind: h.members.count), household_type = \(bind: h.type.rawValue),
                identification_standard = \(bind: h.standard.rawValue), main_cause = \(bind: h.mainCause.rawValue),
                other_causes = \(bind: h.otherCauses.map(\.rawValue).joined(separator: "、")), identified_year = \(bind: h.identifiedYear),
                exit_year = \(bind: h.exitYear), housing_grade = \(bind: h.housingGrade?.rawValue), housing_resolved = \(bind: h.housingResolved),
                food_secure = \(bind: h.foodSecure), clothing_secure = \(bind: h.clothingSecure), water_safe = \(bind: h.waterSafe),
                phone = \(bind: h.phone), power_supplied = \(bind: h.powerSupplied),
                broadcast_reception = \(bind: h.broadcastReception), version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
                """).run()
            try await writeMembers(h.members, householdID: id, on: sql)
            let diff = HouseholdDiff.changes(from: current.household, to: h)
            try await AuditTrail.append(.init(actor: actor.username, actorRole: actor.role.rawValue, ip: ip, action: "household.edit",
                                              entity: "household", entityID: String(id), areaCode: h.villageCode.value,
                                              before: AuditTrail.json(diff.before.mapValues { $0 }), after: AuditTrail.json(diff.after.mapValues { $0 }),
                                              reason: reason, at: now), on: tx)
            return expectedVersion + 1
        }
    }

    /// 新增户 — enters a new household with its members; its 户编号 must be new in the county and each
    /// member's ID new to the registry. Returns its ID.
    @discardableResult
    public static func create(_ h: Household, actor: User, ip: String?, reason: String?, now: Date, on db: any Database) async throws -> Int64 {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if try await sql.raw("SELECT id FROM households WHERE county_code = \(bind: h.villageCode.countyPart) AND household_no = \(bind: h.number)").first() != nil {
                throw NumberTaken(number: h.number)
            }
            if let (number, other) = try await foreignMembers(h.members.map(\.id.number), householdID: -1, on: tx).first {
                throw MemberElsewhere(idNumber: number, householdNumber: other)
            }
            try await AreaStore.ensure(villages: [h.villageCode], on: tx)
            try await BulkWriter(tx).insert(into: HouseholdRecord.schema, columns: RegistryRows.householdColumns,
                                            rows: [RegistryRows.household(h, importID: nil, now: now)])
            let id = try await sql.raw("SELECT id FROM households WHERE county_code = \(bind: h.villageCode.countyPart) AND household_no = \(bind: h.number)").first()!
                .decode(column: "id", as: Int64.self)
            try await writeMembers(h.members, householdID: id, on: sql)
            try await AuditTrail.append(.init(actor: actor.username, actorRole: actor.role.rawValue, ip: ip, action: "household.create",
                                              entity: "household", entityID: String(id), areaCode: h.villageCode.value,
                                              after: AuditTrail.json(HouseholdDiff.everything(h).mapValues { $0 }),
                                              reason: reason, at: now), on: tx)
            return id
        }
    }

    /// The 户编号 is already used in the county.
    public struct NumberTaken: Refusal {
        public var number: String
        public var kind: RefusalKind { .conflict }
        public var chinese: String { "户编号\(number)在本县已被使用" }
        public var english: String { "household number \(number) is taken in this county" }
        public var field: String? { "household_no" }
    }

    /// Removes a household (错评剔除, 自然销户) with its members and incomes, its last state in the audit trail.
    public static func remove(id: Int64, expectedVersion: Int, actor: User, ip: String?, reason: String?, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            guard let current = try await HouseholdStore.find(id, scope: .everything, on: tx) else { throw householdMissing() }
            if current.version != expectedVersion { throw Conflict(current: current, changed: [:]) }
            let sql = tx as! any SQLDatabase
            try await sql.raw("DELETE FROM household_incomes WHERE household_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM members WHERE household_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM households WHERE id = \(bind: id)").run()
            let before = HouseholdDiff.everything(current.household)
            try await AuditTrail.append(.init(actor: actor.username, actorRole: actor.role.rawValue, ip: ip, action: "household.remove",
                                              entity: "household", entityID: String(id), areaCode: current.household.villageCode.value,
                                              before: AuditTrail.json(before.mapValues { $0 }), reason: reason, at: now), on: tx)
        }
    }

    /// The household's members become exactly `members`: matched by ID number, new ones added, missing ones removed.
    static func writeMembers(_ members: [Member], householdID: Int64, on sql: any SQLDatabase) async throws {
        let ids = members.map(\.id.number)
        if ids.isEmpty {
            try await sql.raw("DELETE FROM members WHERE household_id = \(bind: householdID)").run()
        } else {
            try await sql.raw("DELETE FROM members WHERE household_id = \(bind: householdID) AND id_number NOT IN (\(binds: ids))").run()
        }
        let rows = members.enumerated().map { RegistryRows.member($0.element, householdID: householdID, position: $0.offset, importID: nil) }
        try await BulkWriter(sql as! any Database).insert(into: MemberRecord.schema, columns: RegistryRows.memberColumns, rows: rows,
                                                          upsert: RegistryRows.memberUpsert)
    }

    /// ID numbers among `ids` registered in another household: ID → that household's 户编号.
    public static func foreignMembers(_ ids: [String], householdID: Int64, on db: any Database) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for row in try await (db as! any SQLDatabase).raw("""
            SELECT m.id_number, h.household_no FROM members m JOIN households h ON h.id = m.household_id
            WHERE m.id_number IN (\(binds: ids)) AND m.household_id <> \(bind: householdID)
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
