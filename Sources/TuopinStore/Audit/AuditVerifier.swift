import FluentKit
import Foundation
import SQLKit

/// `tuopin audit verify`: walks the chain and reports the first broken link; given anchors from the log kept
/// outside the database (`AnchorLog`), also every place where the chain no longer matches one — the
/// rewrites the chain alone cannot show (newest records deleted and the head moved back; a record changed
/// and every later hash recomputed).
public enum AuditVerifier {
    public struct Report: Sendable, Equatable {
        public var checked: Int
        /// The first break: where, and what is wrong (nil when the chain is whole).
        public var firstBreak: (seq: Int64, id: Int64?, problem: String)?
        /// Anchors checked against the chain, and what did not match.
        public var anchorsChecked = 0
        public var anchorProblems: [String] = []
        public var isIntact: Bool { firstBreak == nil && anchorProblems.isEmpty }

        init(checked: Int, firstBreak: (seq: Int64, id: Int64?, problem: String)?) {
            self.checked = checked
            self.firstBreak = firstBreak
        }

        public static func == (a: Report, b: Report) -> Bool {
            a.checked == b.checked && a.firstBreak?.seq == b.firstBreak?.seq && a.firstBreak?.problem == b.firstBreak?.problem
                && a.anchorProblems == b.anchorProblems
        }
    }

    /// `anchors`: from the anchor log; `publicKey`: the deployment's anchor public key (base64), when known,
    /// so that a log signed with another key is not believed.
    public static func verify(on db: any Database, anchors: [AuditAnchor] = [], publicKey: String? = nil,
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> Report {
        var report = try await walk(on: db, anchors: anchors, progress: progress)
        report.anchorsChecked = anchors.count
        for (i, a) in anchors.enumerated() {
            let name = "锚点 \(i + 1)（第\(a.seq)条，\(AuditAnchor.timeText(a.at))） / anchor \(i + 1) (seq \(a.seq), \(AuditAnchor.timeText(a.at)))"
            if !a.isSignatureValid {
                report.anchorProblems.insert("\(name)：签名无效，锚点日志被改动 / the signature is invalid: the anchor log was altered", at: 0)
            } else if let publicKey, a.publicKey != publicKey {
                report.anchorProblems.insert("\(name)：不是本部署的锚点密钥所签 / not signed by this deployment's anchor key", at: 0)
            }
        }
        return report
    }

    static func walk(on db: any Database, anchors: [AuditAnchor], progress: (@Sendable (Int) -> Void)?) async throws -> Report {
        let sql = db as! any SQLDatabase
        var anchored: [Int64: [AuditAnchor]] = [:]
        for a in anchors { anchored[a.seq, default: []].append(a) }
        var mismatches: [String] = []
        var expectedSeq: Int64 = 1
        var previous = AuditChain.genesis
        var checked = 0
        var lastSeq: Int64 = 0
        while true {
            let rows = try await sql.raw("SELECT * FROM audit_events WHERE seq >= \(bind: expectedSeq) ORDER BY seq LIMIT 5000").all()
            if rows.isEmpty { break }
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let seq = try row.decode(column: "seq", as: Int64.self)
                if seq != expectedSeq {
                    return Report(checked: checked, firstBreak: (expectedSeq, nil, "第\(expectedSeq)条记录缺失（已被删除） / record \(expectedSeq) is missing (deleted)"))
                }
                let storedPrevious = try row.decode(column: "previous_hash", as: String.self)
                if storedPrevious != previous {
                    return Report(checked: checked, firstBreak: (seq, id, "第\(seq)条记录的前序哈希与上一条不符 / record \(seq) does not link to the record before it"))
                }
                let hash = AuditChain.hash(previous: previous, canonical: AuditChain.canonical(seq: seq, try AuditQuery.record(row).entry))
                if hash != (try row.decode(column: "hash", as: String.self)) {
                    return Report(checked: checked, firstBreak: (seq, id, "第\(seq)条记录的内容已被改动（哈希不符） / record \(seq) was changed after it was written (hash mismatch)"))
                }
                for a in anchored[seq] ?? [] where a.hash != hash {
                    mismatches.append("第\(seq)条记录与 \(AuditAnchor.timeText(a.at)) 的锚点不符：此前的记录被改写并重算了哈希 / record \(seq) does not match the anchor of \(AuditAnchor.timeText(a.at)): records up to it were rewritten and re-hashed")
                }
                previous = hash
                lastSeq = seq
                expectedSeq += 1
                checked += 1
            }
            progress?(checked)
        }
        let head = try await sql.raw("SELECT seq, last_hash FROM audit_chain_head WHERE id = 1").first()
        let headSeq = try head?.decode(column: "seq", as: Int64.self) ?? -1
        let headHash = try head?.decode(column: "last_hash", as: String.self) ?? ""
        if headSeq != lastSeq || headHash != previous {
            return Report(checked: checked, firstBreak: (lastSeq + 1, nil, "链尾记录缺失：应有\(headSeq)条，实有\(lastSeq)条 / records at the end are missing: the chain head says \(headSeq), found \(lastSeq)"))
        }
        for a in anchors where a.seq > lastSeq {
            mismatches.append("\(AuditAnchor.timeText(a.at)) 的锚点记到第\(a.seq)条，库中只有\(lastSeq)条：其后的记录被删除 / the anchor of \(AuditAnchor.timeText(a.at)) reaches record \(a.seq), the trail holds \(lastSeq): records after it were deleted")
        }
        if anchors.contains(where: { $0.seq == 0 && $0.hash != AuditChain.genesis }) {
            mismatches.append("链首锚点不符 / the anchor of the empty chain does not match")
        }
        var report = Report(checked: checked, firstBreak: nil)
        report.anchorProblems = mismatches
        return report
    }
}
