import SQLKit
import SQLiteNIO

/// One row of a registry scan, read by column name: a raw SQLite row on the fast path, any SQLKit row elsewhere.
protocol ScanRow {
    func text(_ column: String) -> String?
    func int(_ column: String) -> Int64?
    func bool(_ column: String) -> Bool?
}

extension SQLiteRow: ScanRow {
    func text(_ column: String) -> String? {
        if case .text(let s) = self.column(column) { return s }
        return nil
    }

    func int(_ column: String) -> Int64? {
        if case .integer(let i) = self.column(column) { return Int64(i) }
        return nil
    }

    func bool(_ column: String) -> Bool? {
        if case .integer(let i) = self.column(column) { return i != 0 }
        return nil
    }
}

/// Any SQLKit row (PostgreSQL), decoded by name.
struct SQLKitScanRow: ScanRow {
    let row: any SQLRow
    func text(_ column: String) -> String? { (try? row.decode(column: column, as: String?.self)) ?? nil }
    func int(_ column: String) -> Int64? { (try? row.decode(column: column, as: Int64?.self)) ?? nil }
    func bool(_ column: String) -> Bool? { (try? row.decode(column: column, as: Bool?.self)) ?? nil }
}
