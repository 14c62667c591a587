import Crypto
import Foundation
import TuopinDomain

/// 锚点 — the audit chain's head at one moment (its sequence number and hash), signed with the deployment's
/// anchor key (Ed25519) and written to an anchor log kept outside the database. The database alone can be
/// rewritten consistently (delete the newest records and move the head; rewrite a record and re-hash all
/// after it); a rewrite behind an anchor no longer matches it. Line format: docs/ANCHOR_LOG.md.
public struct AuditAnchor: Sendable, Equatable {
    public var seq: Int64
    public var hash: String
    public var at: Date
    /// The signing key's public half, base64.
    public var publicKey: String
    /// Ed25519 signature of `message`, base64.
    public var signature: String

    public static let header = "# tuopin audit anchors v1: seq, chain hash, time (UTC), public key, signature — docs/ANCHOR_LOG.md"

    /// What the signature covers.
    static func message(seq: Int64, hash: String, at: String) -> Data {
        Data("tuopin-anchor-v1\n\(seq)\n\(hash)\n\(at)".utf8)
    }

    public static func timeText(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }

    /// The head `seq`/`hash` signed at `at`.
    public static func signed(seq: Int64, hash: String, at: Date, key: AnchorKey) throws -> AuditAnchor {
        let time = timeText(at)
        let signature = try key.privateKey.signature(for: message(seq: seq, hash: hash, at: time))
        return AuditAnchor(seq: seq, hash: hash, at: ISO8601DateFormatter().date(from: time) ?? at, publicKey: key.publicKeyText,
                           signature: Data(signature).base64EncodedString())
    }

    /// The line the log keeps.
    public var line: String {
        ["v1", String(seq), hash, Self.timeText(at), publicKey, signature].joined(separator: "\t")
    }

    /// Whether the signature is the public key's over this anchor's content.
    public var isSignatureValid: Bool {
        guard let keyData = Data(base64Encoded: publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData),
              let sig = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(sig, for: Self.message(seq: seq, hash: hash, at: Self.timeText(at)))
    }

    /// Parses one line of the log (`number` names it in a fault).
    public static func parse(_ line: String, number: Int) throws -> AuditAnchor {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 6, f[0] == "v1", let seq = Int64(f[1]), seq >= 0, f[2].count == 64, f[2].allSatisfy(\.isHexDigit),
              let at = ISO8601DateFormatter().date(from: f[3]), !f[4].isEmpty, !f[5].isEmpty else {
            throw AnchorFault("锚点日志第\(number)行格式不对（应为 v1、序号、哈希、时间、公钥、签名，以制表符分隔）",
                              "line \(number) of the anchor log is malformed (v1, seq, hash, time, public key, signature, tab-separated)")
        }
        return AuditAnchor(seq: seq, hash: f[2], at: at, publicKey: f[4], signature: f[5])
    }
}

/// A fault with the anchor key or the anchor log, naming the file or line.
public struct AnchorFault: Refusal {
    public let chinese: String
    public let english: String
    public var kind: RefusalKind { .invalid }
    init(_ chinese: String, _ english: String) {
        self.chinese = chinese
        self.english = english
    }
}
