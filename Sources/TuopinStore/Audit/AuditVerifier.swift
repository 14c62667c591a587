import FluentKit
import Foundation
import SQLKit

/// `tuopin audit verify`: walks the chain and reports the first broken link.
public enum AuditVerifier {
    public struct Report: Sendable, Equatable {
        public var checked: Int
        /// The first break: where, and what is wrong (nil when the chain is whole).
        public var firstBreak: (seq: Int64, id: Int64?, problem: String)?
        public var isIntact: Bool { firstBreak == nil }

        public static func == (a: Report, b: Report) -> Bool {
            a.checked == b.checked && a.firstBreak?.seq == b.firstBreak?.seq && a.firstBreak?.problem == b.firstBreak?.problem
        }
    }

    public static func verify(on db: any Database, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Report {
        let sql = db as! any SQLDatabase
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
        return Report(checked: checked, firstBreak: nil)
    }
}
