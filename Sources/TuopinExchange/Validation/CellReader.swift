import Foundation
import TuopinDomain

/// Reads the cells of one row by column, turning each fault into an issue at its row and column.
struct CellReader {
    let row: SourceRow
    let header: HeaderMap
    var issues: [ImportIssue] = []

    init(row: SourceRow, header: HeaderMap) {
        self.row = row
        self.header = header
    }

    /// The cell's text, trimmed, with a formula guard taken off; empty when absent.
    func text(_ column: ExchangeColumn) -> String {
        let i = header.indexByColumn[column.rawValue]
        guard i >= 0, i < row.cells.count else { return "" }
        return SpreadsheetText.unguarded(row.cells[i].trimmedCell)
    }

    func isNumericCell(_ column: ExchangeColumn) -> Bool {
        let i = header.indexByColumn[column.rawValue]
        guard i >= 0 else { return false }
        return row.numericCells.contains(i)
    }

    mutating func error(_ column: ExchangeColumn?, _ value: String, _ message: String) {
        issues.append(.error(row.number, column, value, message))
    }

    mutating func warning(_ column: ExchangeColumn?, _ value: String, _ message: String) {
        issues.append(.warning(row.number, column, value, message))
    }

    /// The text of a required cell; an error when blank.
    mutating func required(_ column: ExchangeColumn) -> String? {
        let t = text(column)
        if t.isEmpty {
            error(column, "", "必填项“\(column.chineseName)”为空 / required field '\(column.chineseName)' (\(column.key)) is blank")
            return nil
        }
        return t
    }

    mutating func vocabulary<V: Vocabulary>(_ column: ExchangeColumn, _ type: V.Type, required: Bool = false) -> V? {
        let t = required ? (self.required(column) ?? "") : text(column)
        if t.isEmpty { return nil }
        if let v = V.parse(t) { return v }
        error(column, t, "“\(t)”不是有效的\(column.chineseName)，应为：\(V.allowedList) / '\(t)' is not a valid \(column.key); allowed: \(V.allowedList)")
        return nil
    }

    mutating func yesNo(_ column: ExchangeColumn) -> Bool? {
        let t = text(column)
        if t.isEmpty { return nil }
        if let v = YesNo.parse(t) { return v }
        error(column, t, "“\(t)”不是是/否 / '\(t)' is not yes/no (是/否, 1/0, Y/N, true/false)")
        return nil
    }

    /// An amount of yuan; negative only where the column allows it (a per-capita net income).
    mutating func money(_ column: ExchangeColumn, allowingNegative: Bool = false) -> Money? {
        let t = text(column)
        if t.isEmpty { return nil }
        switch Money.parse(yuan: t, allowingNegative: allowingNegative) {
        case .success(let m): return m
        case .failure(.negative): error(column, t, "\(column.chineseName)不能为负数 / \(column.key) must not be negative")
        case .failure(.tooManyDecimals): error(column, t, "\(column.chineseName)最多两位小数 / \(column.key) may have at most 2 decimals")
        case .failure(.tooLarge): error(column, t, "\(column.chineseName)数额过大 / \(column.key) is too large")
        case .failure(.notANumber): error(column, t, "\(column.chineseName)“\(t)”不是数字 / \(column.key) '\(t)' is not a number")
        }
        return nil
    }

    mutating func year(_ column: ExchangeColumn, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        let t = required ? (self.required(column) ?? "") : text(column)
        if t.isEmpty { return nil }
        guard t.utf8.count == 4, let y = Int(t) else {
            error(column, t, "\(column.chineseName)“\(t)”不是四位年份 / \(column.key) '\(t)' is not a 4-digit year")
            return nil
        }
        guard range.contains(y) else {
            error(column, t, "\(column.chineseName)\(y)超出范围\(range.lowerBound)–\(range.upperBound) / \(column.key) \(y) is outside \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return y
    }
}
