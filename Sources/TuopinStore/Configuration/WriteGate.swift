import FluentKit
import SQLKit

/// One write transaction at a time into a SQLite registry, in this process. SQLite has one writer anyway; two
/// deferred transactions that read and then write make one of them fail "database is locked" at once (the
/// busy handler cannot help a deadlock), which answered parallel sign-ins with HTTP 500 (issue #19 item 3).
/// PostgreSQL's transactions run side by side.
public enum WriteGate {
    static let sqlite = AsyncSemaphore(limit: 1)

    public static func transaction<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard (db as? any SQLDatabase)?.dialect.name == "sqlite", !db.inTransaction else {
            return try await db.transaction(body)
        }
        return try await sqlite.holding { try await db.transaction(body) }
    }
}
