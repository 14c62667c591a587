import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 痕迹 — appends to the audit trail, always inside the transaction of the change it records.
public enum AuditTrail {
    public struct Entry: Sendable, Equatable, Codable {
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
        /// The household's state after the change (`HouseholdState.hash`), for records of changes to one.
        public var stateHash: String?

        public init(actor: String, actorRole: String? = nil, ip: String? = nil, action: String, entity: String,
                    entityID: String? = nil, areaCode: String? = nil, before: String? = nil, after: String? = nil,
                    reason: String? = nil, at: Date, stateHash: String? = nil) {
            self.stateHash = stateHash
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

    /// Appends events in order, each chained to the last, inside the transaction of the change they record.
    /// Only the use-case layer calls this (and the import's bulk writer, for its per-household records).
    /// An event that changes a household (`AuditEvent.changedHousehold`) carries the hash of the household as
    /// it now stands in this transaction, read back after the change.
    public static func append(_ events: [any AuditEvent], by actor: AuditActor, at now: Date, on db: any Database) async throws {
        var entries: [Entry] = []
        for event in events {
            var e = entry(for: event, by: actor, at: now)
            if let id = event.changedHousehold { e.stateHash = try await HouseholdState.current(id, on: db) }
            entries.append(e)
        }
        try await append(contentsOf: entries, on: db)
    }

    /// Appends one event.
    public static func append(_ event: some AuditEvent, by actor: AuditActor, at now: Date, on db: any Database) async throws {
        try await append([event], by: actor, at: now, on: db)
    }

    /// The stored form of an event.
    static func entry(for event: some AuditEvent, by actor: AuditActor, at now: Date) -> Entry {
        Entry(actor: actor.username, actorRole: actor.role?.rawValue, ip: actor.ip, action: event.action.rawValue,
              entity: event.subject.entity.rawValue, entityID: event.subject.id, areaCode: event.area?.value,
              before: event.before.map(json), after: event.after.map(json), reason: event.reason, at: now)
    }

    /// Appends records in order, chained to the last: the head is locked and moved once, the hashes are
    /// computed in memory and the rows written in bulk (an import records every household it changes).
    static func append(contentsOf entries: [Entry], on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        let chain = chained(entries, after: try await lockHead(on: db))
        try await append(chain, on: db)
    }

    /// 链尾 — where the chain ends: the last record's sequence number and hash.
    public struct ChainEnd: Sendable, Equatable {
        public var seq: Int64
        public var hash: String
    }

    /// Records laid out as rows, each hashed onto the one before, and where they leave the chain's end.
    struct Chained: Sendable {
        var rows: [[BulkValue]]
        var end: ChainEnd
    }

    /// Takes the chain head's lock for the rest of the transaction (concurrent appenders wait their turn)
    /// and tells where the chain ends.
    static func lockHead(on db: any Database) async throws -> ChainEnd {
        let sql = db as! any SQLDatabase
        try await sql.raw("UPDATE audit_chain_head SET seq = seq WHERE id = 1").run()
        guard let head = try await sql.raw("SELECT seq, last_hash FROM audit_chain_head WHERE id = 1").first() else {
            throw AuditChainMissing()
        }
        return ChainEnd(seq: try head.decode(column: "seq", as: Int64.self), hash: try head.decode(column: "last_hash", as: String.self))
    }

    /// `entries` chained after `end`, in order. Pure: an import hashes the next chunk's records on another
    /// core while the database writes this one's.
    static func chained(_ entries: [Entry], after end: ChainEnd) -> Chained {
        var seq = end.seq, previous = end.hash
        var rows: [[BulkValue]] = []
        rows.reserveCapacity(entries.count)
        for entry in entries {
            seq += 1
            var entry = entry
            entry.at = AuditChain.roundedToMillisecond(entry.at)
            let hash = AuditChain.hash(previous: previous, canonical: AuditChain.canonical(seq: seq, entry))
            rows.append([.int(seq), .date(entry.at), .text(entry.actor), .text(entry.actorRole), .text(entry.ip), .text(entry.action),
                         .text(entry.entity), .text(entry.entityID), .text(entry.areaCode), .text(entry.before), .text(entry.after),
                         .text(entry.reason), .text(previous), .text(hash), .text(entry.stateHash)])
            previous = hash
        }
        return Chained(rows: rows, end: ChainEnd(seq: seq, hash: previous))
    }

    /// Writes chained records and moves the head to their end. The caller holds the head (`lockHead`) and
    /// chained them after where it stood.
    static func append(_ chain: Chained, on db: any Database) async throws {
        guard !chain.rows.isEmpty else { return }
        try await BulkWriter(db).insert(into: AuditEventRecord.schema, columns: columns, rows: chain.rows)
        try await (db as! any SQLDatabase).raw("""
            UPDATE audit_chain_head SET seq = \(bind: chain.end.seq), last_hash = \(bind: chain.end.hash) WHERE id = 1
            """).run()
    }

    static let columns = ["seq", "occurred_at", "actor", "actor_role", "ip", "action", "entity", "entity_id", "area_code",
                          "before_json", "after_json", "reason", "previous_hash", "hash", "state_hash"]

    struct AuditChainMissing: Refusal {
        var kind: RefusalKind { .misconfigured }
        var chinese: String { "审计链头记录缺失" }
        var english: String { "the audit chain head row is missing" }
    }

    /// A JSON string literal (escaped by hand: an import writes millions of them).
    public static func json(_ s: String) -> String {
        // Most values need no escape at all.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON object of string fields, keys sorted (for before/after values).
    public static func json(_ fields: [String: String?]) -> String {
        json(fields.map { ($0.key, $0.value) })
    }

    /// A JSON object of string fields given as a list, keys sorted; a key given twice keeps its first value.
    public static func json(_ fields: [(String, String?)]) -> String {
        // Byte order of UTF-8 is code-point order: the same as `sorted()`, without its normalisation checks.
        let sorted = fields.enumerated().sorted { a, b in
            let x = a.element.0.utf8, y = b.element.0.utf8
            return x.elementsEqual(y) ? a.offset < b.offset : x.lexicographicallyPrecedes(y)
        }
        var out = "{"
        out.reserveCapacity(fields.reduce(2) { $0 + $1.0.utf8.count + ($1.1?.utf8.count ?? 4) + 6 })
        var previous: String?
        for (_, (key, value)) in sorted {
            if let previous, previous.utf8.elementsEqual(key.utf8) { continue }
            if previous != nil { out += "," }
            out += json(key)
            out += ":"
            out += value.map(json) ?? "null"
            previous = key
        }
        return out + "}"
    }
}
