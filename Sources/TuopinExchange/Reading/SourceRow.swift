import Foundation
/// One row of a source file, before its cells are interpreted.
public struct SourceRow: Sendable {
    /// The row number as a spreadsheet shows it (1-based, blank rows counted).
    public var number: Int
    /// Cells in column order; empty text for a blank cell.
    public var cells: [String]
    /// Indices of cells that an XLSX file stored as numbers (an ID stored so has lost digits).
    public var numericCells: Set<Int>

    public init(number: Int, cells: [String], numericCells: Set<Int> = []) {
        self.number = number
        self.cells = cells
        self.numericCells = numericCells
    }

    public var isBlank: Bool { cells.allSatisfy { $0.trimmedCell.isEmpty } }
}

/// A source of rows: a CSV or an XLSX sheet, read one row at a time.
public protocol RowSource {
    /// The next row, or nil at the end. Throws `FileFault` when the file cannot be read on.
    mutating func nextRow() throws -> SourceRow?
}
