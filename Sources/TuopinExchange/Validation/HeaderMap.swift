import Foundation
/// Where each known column is in a file, found from its header row.
public struct HeaderMap: Sendable {
    public var rowNumber: Int
    public var positions: [ExchangeColumn: Int] {
        didSet {
            indexByColumn = HeaderMap.index(positions)
            householdCells = HeaderMap.householdCells(positions)
        }
    }
    public var unknown: [(index: Int, text: String)]
    /// Cell index by column raw value (-1 when absent): the per-cell lookup without hashing.
    private(set) var indexByColumn: [Int]
    /// Cell indices of the household columns present, in order: what every row of a household repeats.
    private(set) var householdCells: [Int]

    init(rowNumber: Int, positions: [ExchangeColumn: Int], unknown: [(index: Int, text: String)]) {
        self.rowNumber = rowNumber
        self.positions = positions
        self.unknown = unknown
        indexByColumn = HeaderMap.index(positions)
        householdCells = HeaderMap.householdCells(positions)
    }

    private static func householdCells(_ positions: [ExchangeColumn: Int]) -> [Int] {
        positions.filter { $0.key.scope == .household }.map(\.value).sorted()
    }

    private static func index(_ positions: [ExchangeColumn: Int]) -> [Int] {
        var index = Array(repeating: -1, count: ExchangeColumn.allCases.count)
        for (c, i) in positions { index[c.rawValue] = i }
        return index
    }

    /// A header row is the first whose cells name at least three known columns.
    public static func isHeader(_ row: SourceRow) -> Bool {
        row.cells.lazy.filter { ExchangeColumn.named($0) != nil }.count >= 3
    }

    /// Maps the header row and reports unknown, repeated and missing columns.
    public static func make(_ row: SourceRow, issues: inout [ImportIssue]) -> HeaderMap {
        var positions: [ExchangeColumn: Int] = [:]
        var unknown: [(Int, String)] = []
        for (i, raw) in row.cells.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            guard let column = ExchangeColumn.named(text) else {
                unknown.append((i, text))
                issues.append(ImportIssue(row: row.number, column: text, value: text, severity: .warning,
                                          message: "未知的列“\(text)”，已忽略 / unknown column '\(text)' is ignored"))
                continue
            }
            if positions[column] != nil {
                issues.append(.error(row.number, column, text, "列“\(column.chineseName)”出现了两次 / column '\(column.chineseName)' appears twice"))
                continue
            }
            positions[column] = i
        }
        for column in ExchangeColumn.allCases where column.isRequired && positions[column] == nil {
            issues.append(.error(nil, column, "", "缺少必填列“\(column.chineseName)”（\(column.key)） / the required column '\(column.chineseName)' (\(column.key)) is missing"))
        }
        return HeaderMap(rowNumber: row.number, positions: positions, unknown: unknown)
    }
}
