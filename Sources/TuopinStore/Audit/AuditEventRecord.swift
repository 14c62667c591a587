import FluentKit
import Foundation

/// 痕迹 — one entry of the append-only audit trail: `audit_events`.
public final class AuditEventRecord: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(custom: "id", generatedBy: .database) public var id: Int64?
    @Field(key: "seq") public var seq: Int64
    @Field(key: "occurred_at") public var occurredAt: Date
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "actor_role") public var actorRole: String?
    @OptionalField(key: "ip") public var ip: String?
    @Field(key: "action") public var action: String
    @Field(key: "entity") public var entity: String
    @OptionalField(key: "entity_id") public var entityID: String?
    @OptionalField(key: "area_code") public var areaCode: String?
    @OptionalField(key: "before_json") public var before: String?
    @OptionalField(key: "after_json") public var after: String?
    @OptionalField(key: "reason") public var reason: String?
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String
    @OptionalField(key: "state_hash") public var stateHash: String?

    public init() {}
}
