import FluentKit
import Foundation
import SQLKit
#if canImport(Glibc)
import Glibc
#endif

/// 锚点日志 — the file of signed anchors (`AuditAnchor`), one per line, appended at each import and at least
/// daily by the server. Keep it where the database's administrators cannot rewrite it (another machine, a
/// write-once share) and print it for the paper file; `tuopin audit verify --anchors FILE` checks the
/// chain against it.
public enum AnchorLog {
    /// The anchors in the log, in order; a malformed line is named.
    public static func read(_ path: String) throws -> [AuditAnchor] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AnchorFault("无法读取锚点日志 \(path)", "cannot read the anchor log \(path)")
        }
        var anchors: [AuditAnchor] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let l = line.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if l.isEmpty || l.hasPrefix("#") { continue }
            anchors.append(try AuditAnchor.parse(l, number: i + 1))
        }
        return anchors
    }

    /// Signs the chain's head and appends it to the log (made with its header if absent), unless the log's
    /// last anchor already holds this head. Returns the anchor written, or nil.
    @discardableResult
    public static func anchor(key: AnchorKey, log path: String, now: Date, on db: any Database) async throws -> AuditAnchor? {
        guard let head = try await (db as! any SQLDatabase).raw("SELECT seq, last_hash FROM audit_chain_head WHERE id = 1").first() else {
            return nil
        }
        let seq = try head.decode(column: "seq", as: Int64.self), hash = try head.decode(column: "last_hash", as: String.self)
        let existing = FileManager.default.fileExists(atPath: path) ? try read(path) : []
        if let last = existing.last, last.seq == seq, last.hash == hash { return nil }
        let anchor = try AuditAnchor.signed(seq: seq, hash: hash, at: now, key: key)
        try append((existing.isEmpty && !FileManager.default.fileExists(atPath: path) ? AuditAnchor.header + "\n" : "") + anchor.line + "\n", to: path)
        return anchor
    }

    /// Appends text and flushes it to the disk.
    static func append(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AnchorFault("无法写入锚点日志 \(path)", "cannot write the anchor log \(path)") }
        defer { _ = close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else { throw AnchorFault("写入锚点日志 \(path) 失败", "writing the anchor log \(path) failed") }
    }
}
