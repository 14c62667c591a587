import Crypto
import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 附件 — written with their bytes; listed by owner without them; one read with them to serve.
public enum AttachmentStore {
    static let columns = "id, owner_kind, owner_id, area_code, name, media_type, size, sha256, username, uploaded_on"

    public static func add(_ a: Attachment, content: Data, on db: any Database) async throws -> Attachment {
        let row = try await (db as! any SQLDatabase).raw("""
            INSERT INTO attachments (owner_kind, owner_id, area_code, name, media_type, size, sha256, username, uploaded_on, content)
            VALUES (\(bind: a.owner.kind.rawValue), \(bind: a.owner.id), \(bind: a.area.value), \(bind: a.name), \(bind: a.type.mediaType), \(bind: a.size),
            \(bind: a.sha256), \(bind: a.uploadedBy), \(bind: a.uploaded.description), \(bind: content))
            RETURNING id
            """).first()
        var saved = a
        saved.id = Attachment.ID(try row!.decode(column: "id", as: Int64.self))
        return saved
    }

    /// Lower-case hex SHA-256 of the bytes.
    public static func digest(_ content: Data) -> String {
        SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
    }

    public static func list(_ owner: AttachmentOwner, on db: any Database) async throws -> [Attachment] {
        try await (db as! any SQLDatabase).raw("""
            SELECT \(unsafeRaw: columns) FROM attachments WHERE owner_kind = \(bind: owner.kind.rawValue) AND owner_id = \(bind: owner.id) ORDER BY id
            """).all().map(attachment)
    }

    public static func find(_ id: Attachment.ID, on db: any Database) async throws -> Attachment? {
        try await (db as! any SQLDatabase).raw("SELECT \(unsafeRaw: columns) FROM attachments WHERE id = \(bind: id.rawValue)").first().map(attachment)
    }

    public static func content(_ id: Attachment.ID, on db: any Database) async throws -> Data? {
        try await (db as! any SQLDatabase).raw("SELECT content FROM attachments WHERE id = \(bind: id.rawValue)").first()?
            .decode(column: "content", as: Data.self)
    }

    static func attachment(_ r: any SQLRow) throws -> Attachment {
        Attachment(id: Attachment.ID(try r.decode(column: "id", as: Int64.self)),
                   owner: AttachmentOwner(AttachmentOwner.Kind(rawValue: try r.decode(column: "owner_kind", as: String.self)) ?? .problem,
                                          try r.decode(column: "owner_id", as: Int64.self)),
                   area: AreaCode(try r.decode(column: "area_code", as: String.self))!,
                   name: try r.decode(column: "name", as: String.self),
                   type: AttachmentType(rawValue: try r.decode(column: "media_type", as: String.self)) ?? .pdf,
                   size: try r.decode(column: "size", as: Int.self), sha256: try r.decode(column: "sha256", as: String.self),
                   uploadedBy: try r.decode(column: "username", as: String.self),
                   uploaded: LocalDate(iso: try r.decode(column: "uploaded_on", as: String.self))!)
    }
}
