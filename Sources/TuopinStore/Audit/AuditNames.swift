import FluentKit
import SQLKit
import TuopinDomain

/// 痕迹中的名称 — what the trail's keys stand for, read when records are shown: a user's name and unit for a
/// login, a household's 户编号 and head for its database id, an area's name for its code. The records
/// themselves keep the keys (they are hashed into the chain); names are looked up as they are today.
public struct AuditNames: Sendable, Equatable {
    public struct HouseholdName: Sendable, Equatable {
        public var number: String
        public var head: String?
    }

    /// "姓名（单位）" by login.
    public var users: [String: String] = [:]
    /// By user id (the entity id of account records).
    public var userIDs: [String: String] = [:]
    /// By household id (the entity id of household records).
    public var households: [String: HouseholdName] = [:]
    /// By area code.
    public var areas: [String: String] = [:]

    public init() {}

    /// The names the records refer to (three or four small queries, whatever the number of records).
    public static func load(for records: [AuditQuery.Record], on db: any Database) async throws -> AuditNames {
        let sql = db as! any SQLDatabase
        var names = AuditNames()
        let logins = Set(records.map(\.actor)).sorted()
        let userIDs = Set(records.filter { $0.entity == AuditEntity.user.rawValue }.compactMap { $0.entityID.flatMap(Int64.init) }).sorted()
        let householdIDs = Set(records.filter { $0.entity == AuditEntity.household.rawValue }.compactMap { $0.entityID.flatMap(Int64.init) }).sorted()
        let codes = Set(records.compactMap(\.areaCode)).sorted()
        names.users = try await UserStore.labels(of: logins, on: db)
        for part in userIDs.chunked(500) {
            for row in try await sql.raw("SELECT id, username FROM users WHERE id IN (\(binds: Array(part)))").all() {
                names.userIDs[String(try row.decode(column: "id", as: Int64.self))] = try row.decode(column: "username", as: String.self)
            }
        }
        for part in householdIDs.chunked(500) {
            let rows = try await sql.raw("""
                SELECT h.id, h.household_no, m.name AS head FROM households h
                LEFT JOIN members m ON m.household_id = h.id AND m.relation = '户主'
                WHERE h.id IN (\(binds: Array(part)))
                """).all()
            for row in rows {
                names.households[String(try row.decode(column: "id", as: Int64.self))] =
                    HouseholdName(number: try row.decode(column: "household_no", as: String.self), head: try row.decode(column: "head", as: String?.self))
            }
        }
        for part in codes.chunked(500) {
            for row in try await sql.raw("SELECT code, name FROM areas WHERE code IN (\(binds: Array(part)))").all() {
                names.areas[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        return names
    }
}

extension Array {
    /// The elements in pieces of at most `size` (an `IN` list stays within the database's bind limit).
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
