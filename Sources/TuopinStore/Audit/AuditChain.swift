import Crypto
import Foundation

/// The hash chain over the audit trail (痕迹): each record's hash is SHA-256 over the previous
/// record's hash and this record's canonical content, so that a changed, inserted or deleted
/// record breaks every link after it.
public enum AuditChain {
    /// The "previous hash" of the first record.
    public static let genesis = String(repeating: "0", count: 64)

    /// Dates are kept to the millisecond, the precision every database here round-trips.
    public static func roundedToMillisecond(_ d: Date) -> Date {
        Date(timeIntervalSince1970: (d.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// The content a record's hash covers, in a fixed order with an unambiguous encoding.
    public static func canonical(seq: Int64, at: Date, actor: String, actorRole: String?, ip: String?, action: String,
                                 entity: String, entityID: String?, areaCode: String?, before: String?, after: String?,
                                 reason: String?, stateHash: String? = nil) -> String {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        var fields: [String?] = [String(seq), String(millis), actor, actorRole, ip, action, entity, entityID, areaCode, before, after, reason]
        // A household's state hash (issue #19 item 9) is covered too; records without one hash as before it existed.
        if let stateHash { fields.append(stateHash) }
        // Each field as its length and text (nil as -1), so that no choice of text can shift a boundary.
        return fields.map { f in f.map { "\($0.utf8.count):\($0)" } ?? "-1:" }.joined(separator: "|")
    }

    /// The canonical content of an entry at its place in the chain.
    static func canonical(seq: Int64, _ e: AuditTrail.Entry) -> String {
        canonical(seq: seq, at: e.at, actor: e.actor, actorRole: e.actorRole, ip: e.ip, action: e.action, entity: e.entity,
                  entityID: e.entityID, areaCode: e.areaCode, before: e.before, after: e.after, reason: e.reason, stateHash: e.stateHash)
    }

    public static func hash(previous: String, canonical: String) -> String {
        hex(SHA256.hash(data: Data((previous + "\n" + canonical).utf8)))
    }

    /// A digest in lower-case hexadecimal.
    static func hex(_ digest: SHA256.Digest) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
