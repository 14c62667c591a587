import FluentKit
import SQLKit
import SQLiteNIO

/// A large load into a SQLite table builds the table's secondary indexes after its rows instead of during them
/// (one sort instead of a random insert into each index per row: at 1,767,573 department records the ID-number
/// index was most of the load), as the sqlite3 shell reference does. Used inside the load's transaction: the drop,
/// the rows and the rebuild commit or roll back together. Only when the load is at least as large as what the
/// table already holds (otherwise rebuilding over the old rows would cost more), and never on PostgreSQL (COPY).
enum DeferredIndexes {
    /// From this many rows a load is large.
    static let threshold = 50_000

    static func around<T>(_ table: String, rows: Int, on db: any Database, _ load: () async throws -> T) async throws -> T {
        guard rows >= threshold, db is any SQLiteDatabase, let sql = db as? any SQLDatabase else { return try await load() }
        let held = try await sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        guard rows >= held else { return try await load() }
        let indexes = try await sql.raw("""
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table) AND sql IS NOT NULL ORDER BY name
            """).all().map { (name: try $0.decode(column: "name", as: String.self), sql: try $0.decode(column: "sql", as: String.self)) }
        for index in indexes { try await sql.raw("DROP INDEX \(ident: index.name)").run() }
        let result = try await load()
        for index in indexes { try await sql.raw("\(unsafeRaw: index.sql)").run() }
        return result
    }
}
