import FluentKit
import Foundation

/// 痕迹 — appends to the audit trail, always inside the transaction of the change it records.
public enum AuditTrail {
    public struct Entry: Sendable {
        public var actor: String
        public var actorRole: String?
        public var ip: String?
        public var action: String
        public var entity: String
        public var entityID: String?
        public var areaCode: String?
        public var before: String?
        public var after: String?
        public var reason: String?
        public var at: Date

        public init(actor: String, actorRole: String? = nil, ip: String? = nil, action: String, entity: String,
                    entityID: String? = nil, areaCode: String? = nil, before: String? = nil, after: String? = nil,
                    reason: String? = nil, at: Date) {
            self.actor = actor
            self.actorRole = actorRole
            self.ip = ip
            self.action = action
            self.entity = entity
            self.entityID = entityID
            self.areaCode = areaCode
            self.before = before
            self.after = after
            self.reason = reason
            self.at = at
        }
    }

    public static func append(_ entry: Entry, on db: any Database) async throws {
        let r = AuditEventRecord()
        r.occurredAt = entry.at
        r.actor = entry.actor
        r.actorRole = entry.actorRole
        r.ip = entry.ip
        r.action = entry.action
        r.entity = entry.entity
        r.entityID = entry.entityID
        r.areaCode = entry.areaCode
        r.before = entry.before
        r.after = entry.after
        r.reason = entry.reason
        try await r.create(on: db)
    }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
        let data = try? JSONEncoder().encode(s)
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "\"\""
    }
}
