import FluentKit
import SQLKit

/// 公告公示: when and where each notice the records call for was put up and taken down (its content is drawn
/// from the records when printed).
struct CreateNoticePostings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            CREATE TABLE notice_postings (kind TEXT NOT NULL, subject_id BIGINT NOT NULL, posted_on TEXT NOT NULL, removed_on TEXT, place TEXT NOT NULL,
            username TEXT NOT NULL, PRIMARY KEY (kind, subject_id))
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE notice_postings").run()
    }
}
