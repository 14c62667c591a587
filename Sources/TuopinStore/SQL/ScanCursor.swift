/// A forward-only source of scan rows: rows already read, or a statement being stepped.
protocol ScanCursor {
    associatedtype Row: ScanRow
    /// The current row; nil at the end.
    var row: Row? { get }
    mutating func advance() throws
}

/// Rows already read (SQLiteNIO, PostgreSQL).
struct ArrayCursor: ScanCursor {
    /// Lets an existential row stand where a concrete row type is needed.
    struct AnyRow: ScanRow {
        let base: any ScanRow
        func text(_ column: ScanColumn) -> String? { base.text(column) }
        func int(_ column: ScanColumn) -> Int64? { base.int(column) }
        func bool(_ column: ScanColumn) -> Bool? { base.bool(column) }
    }

    let rows: [any ScanRow]
    var index = 0
    init(_ rows: [any ScanRow]) { self.rows = rows }
    var row: AnyRow? { index < rows.count ? AnyRow(base: rows[index]) : nil }
    mutating func advance() { index += 1 }
}

/// A SQLite statement stepped in place (the file path).
struct StatementCursor: ScanCursor {
    let statement: SQLiteFileReader.Statement
    var hasRow = false
    init(_ statement: SQLiteFileReader.Statement) { self.statement = statement }
    var row: SQLiteFileReader.StatementRow? { hasRow ? statement.row : nil }
    mutating func advance() throws { hasRow = try statement.step() }
}
