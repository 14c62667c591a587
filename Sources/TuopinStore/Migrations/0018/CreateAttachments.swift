import FluentKit
import SQLKit

/// 附件: uploaded photos and documents with their bytes, so that a backup of the database keeps them (issue #15
/// item 4; ADR 0018).
struct CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let sqlite = sql.dialect.name == "sqlite"
        try await sql.raw("""
            CREATE TABLE attachments (id \(unsafeRaw: sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"), owner_kind TEXT NOT NULL,
            owner_id BIGINT NOT NULL, area_code TEXT NOT NULL, name TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL,
            sha256 TEXT NOT NULL, username TEXT NOT NULL, uploaded_on TEXT NOT NULL, content \(unsafeRaw: sqlite ? "BLOB" : "BYTEA") NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX attachments_owner_idx ON attachments (owner_kind, owner_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE attachments").run()
    }
}
