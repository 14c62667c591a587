import SQLKit
import SQLiteNIO

/// A column of a registry scan: its name, and its place in the scan's SELECT list.
struct ScanColumn: Sendable {
    let name: String
    let index: Int
}

/// The columns one scan query selects, in order.
struct ScanColumns: Sendable {
    let names: [String]
    init(_ names: [String]) { self.names = names }
    subscript(_ name: String) -> ScanColumn { ScanColumn(name: name, index: names.firstIndex(of: name)!) }
    var selectList: String { names.joined(separator: ", ") }
}

/// One row of a registry scan: a raw row read straight from a SQLite file (by position), a SQLiteNIO
/// row, or any SQLKit row (PostgreSQL) read by name.
protocol ScanRow {
    func text(_ column: ScanColumn) -> String?
    func int(_ column: ScanColumn) -> Int64?
    func bool(_ column: ScanColumn) -> Bool?
}

extension SQLiteRow: ScanRow {
    func text(_ column: ScanColumn) -> String? {
        if case .text(let s) = self.column(column.name) { return s }
        return nil
    }

    func int(_ column: ScanColumn) -> Int64? {
        if case .integer(let i) = self.column(column.name) { return Int64(i) }
        return nil
    }

    func bool(_ column: ScanColumn) -> Bool? {
        if case .integer(let i) = self.column(column.name) { return i != 0 }
        return nil
    }
}

/// Any SQLKit row (PostgreSQL), decoded by name.
struct SQLKitScanRow: ScanRow {
    let row: any SQLRow
    func text(_ column: ScanColumn) -> String? { (try? row.decode(column: column.name, as: String?.self)) ?? nil }
    func int(_ column: ScanColumn) -> Int64? { (try? row.decode(column: column.name, as: Int64?.self)) ?? nil }
    func bool(_ column: ScanColumn) -> Bool? { (try? row.decode(column: column.name, as: Bool?.self)) ?? nil }
}
