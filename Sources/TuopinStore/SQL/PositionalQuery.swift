import FluentKit

/// A large read (a county's payments, its members) taken by column position: from a SQLite database file through
/// the C API on a read-only connection of its own, as the registry scan reads (docs/adr/0008), else the driver's
/// rows read by name (PostgreSQL, or SQLite without a file). The query's select list is `columns`, in order; only
/// numbers and validated codes may be spliced into `query`.
enum PositionalQuery {
    static func each(_ query: String, file: String?, on db: any Database, _ body: (any ScanRow) throws -> Void) async throws {
        if let file {
            let reader = try SQLiteFileReader(path: file)
            try withExtendedLifetime(reader) {   // the statement must be finalised before its connection closes
                let statement = try reader.statement(query)
                while try statement.step() { try body(statement.row) }
            }
            return
        }
        for row in try await HouseholdScan.rows(query, on: db) { try body(row) }
    }
}
