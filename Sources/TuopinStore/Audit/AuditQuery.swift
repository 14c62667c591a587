import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Searches of the audit trail, within what the viewer may see.
public enum AuditQuery {
    public struct Filter: Sendable, Equatable {
        public var actor: String?
        public var area: AreaCode?
        public var entity: String?
        public var entityID: String?
        public var action: String?
        public var from: Date?
        public var to: Date?
        public init(actor: String? = nil, area: AreaCode? = nil, entity: String? = nil, entityID: String? = nil,
                    action: String? = nil, from: Date? = nil, to: Date? = nil) {
            self.actor = actor
            self.area = area
            self.entity = entity
            self.entityID = entityID
            self.action = action
            self.from = from
            self.to = to
        }
    }

    /// A stored record: its place in the chain and what was appended (`record.actor` reads the entry's field).
    @dynamicMemberLookup
    public struct Record: Sendable, Equatable, Codable {
        public var seq: Int64
        public var entry: AuditTrail.Entry
        public subscript<T>(dynamicMember field: KeyPath<AuditTrail.Entry, T>) -> T { entry[keyPath: field] }
    }

    /// One page, newest first. Outside an administrator's view, only records of areas in the scope.
    public static func search(_ f: Filter, scope: AccessScope, page: Int, perPage: Int, on db: any Database) async throws -> Page<Record> {
        let sql = db as! any SQLDatabase
        guard let condition = whereClause(f, scope: scope) else { return Page(items: [], total: 0, page: page, perPage: perPage) }
        var count: SQLQueryString = "SELECT COUNT(*) AS n FROM audit_events"
        count.appendInterpolation(condition)
        let total = try await sql.raw(count).first()?.decode(column: "n", as: Int.self) ?? 0
        var list: SQLQueryString = "SELECT * FROM audit_events"
        list.appendInterpolation(condition)
        list.appendLiteral(" ORDER BY seq DESC LIMIT \(perPage) OFFSET \((min(max(1, page), 1_000_000) - 1) * min(max(1, perPage), 1_000))")
        let items = try await sql.raw(list).all().map(record)
        return Page(items: items, total: total, page: page, perPage: perPage)
    }

    /// A row of `audit_events` as a record (also what `AuditVerifier` re-hashes).
    static func record(_ r: any SQLRow) throws -> Record {
        func text(_ c: String) throws -> String? { try r.decode(column: c, as: String?.self) }
        return Record(seq: try r.decode(column: "seq", as: Int64.self), entry: AuditTrail.Entry(
            actor: try r.decode(column: "actor", as: String.self), actorRole: try text("actor_role"), ip: try text("ip"),
            action: try r.decode(column: "action", as: String.self), entity: try r.decode(column: "entity", as: String.self),
            entityID: try text("entity_id"), areaCode: try text("area_code"), before: try text("before_json"),
            after: try text("after_json"), reason: try text("reason"), at: try r.decode(column: "occurred_at", as: Date.self),
            stateHash: try text("state_hash")))
    }

    /// Whether any record matches the filter (the whole trail: callers ask about their own records).
    public static func exists(_ f: Filter, on db: any Database) async throws -> Bool {
        guard let clause = whereClause(f, scope: .everything) else { return false }
        return try await (db as! any SQLDatabase).raw("SELECT 1 AS found FROM audit_events\(clause) LIMIT 1").first() != nil
    }

    /// Whether the record numbered `seq` exists (evidence that links to a changed record names it so).
    public static func exists(seq: Int64, on db: any Database) async throws -> Bool {
        try await (db as! any SQLDatabase).raw("SELECT 1 AS found FROM audit_events WHERE seq = \(bind: seq)").first() != nil
    }

    /// nil when the scope sees nothing.
    static func whereClause(_ f: Filter, scope: AccessScope) -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        switch scope.narrow(f.area) {
        case .nothing: return nil
        case .everything: break
        case .area(let a):
            // Area codes of any level under the area sort between its lowest and highest code.
            parts.append(SQLConditions.within(a, column: "area_code"))
        }
        if let a = f.actor { parts.append("actor = \(bind: a)") }
        if let e = f.entity { parts.append("entity = \(bind: e)") }
        if let i = f.entityID { parts.append("entity_id = \(bind: i)") }
        if let a = f.action { parts.append("action = \(bind: a)") }
        if let from = f.from { parts.append("occurred_at >= \(bind: from)") }
        if let to = f.to { parts.append("occurred_at < \(bind: to)") }
        return SQLConditions.all(parts)
    }
}
