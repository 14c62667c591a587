import FluentKit
import SQLKit
import TuopinDomain

/// 公告公示的张贴记录 — by notice kind and subject.
public enum NoticeStore {
    public struct Posting: Sendable, Hashable {
        public var posted: LocalDate, removed: LocalDate?, place: String
    }

    public static func all(on db: any Database) async throws -> [String: Posting] {
        var found: [String: Posting] = [:]
        for r in try await (db as! any SQLDatabase).raw("SELECT * FROM notice_postings").all() {
            let key = "\(try r.decode(column: "kind", as: String.self))/\(try r.decode(column: "subject_id", as: Int64.self))"
            found[key] = Posting(posted: LocalDate(iso: try r.decode(column: "posted_on", as: String.self))!,
                                 removed: try r.decode(column: "removed_on", as: String?.self).flatMap { LocalDate(iso: $0) },
                                 place: try r.decode(column: "place", as: String.self))
        }
        return found
    }

    /// Writes the notice's posting as it now stands.
    public static func save(_ n: PublicNotice, username: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM notice_postings WHERE kind = \(bind: n.kind.key) AND subject_id = \(bind: n.subject)").run()
        guard let posted = n.posted else { return }
        try await sql.raw("""
            INSERT INTO notice_postings (kind, subject_id, posted_on, removed_on, place, username)
            VALUES (\(bind: n.kind.key), \(bind: n.subject), \(bind: posted.description), \(bind: n.removed?.description), \(bind: n.place), \(bind: username))
            """).run()
    }
}
