import Foundation

/// A small table file whose header names its columns (the village file, the targets file): CSV
/// (UTF-8 or GB18030) or XLSX, title rows above the header skipped. Each data row is handed to a
/// closure that reads cells by column name and reports faults; any fault means the file loads nothing.
public struct NamedColumnTable: Sendable {
    /// A column by Chinese name and English key.
    public struct Column: Sendable {
        public var name: String
        public var key: String
        public var required: Bool
        public init(_ name: String, _ key: String, required: Bool) {
            self.name = name
            self.key = key
            self.required = required
        }
    }

    /// One data row: its cells by column name, and a place to report faults.
    public struct Row {
        public let number: Int
        let cells: [String]
        let positions: Positions
        var issues: [ImportIssue] = []

        /// The trimmed cell of a column (empty when the file lacks the column).
        public func cell(_ name: String) -> String {
            guard let i = positions[name], i < cells.count else { return "" }
            return cells[i].trimmedCell
        }

        public mutating func fail(_ column: String, _ value: String, _ message: String) {
            issues.append(ImportIssue(row: number, column: column, value: value, severity: .error, message: message))
        }

        /// A warning: the row loads, and the report names it.
        public mutating func warn(_ column: String, _ value: String, _ message: String) {
            issues.append(ImportIssue(row: number, column: column, value: value, severity: .warning, message: message))
        }

        /// No error so far (warnings do not count).
        public var isClean: Bool { !issues.contains { $0.severity == .error } }
    }

    /// The header's column positions, found by comparing the names' bytes: a handful of columns looked up for every
    /// cell of a large file, where hashing a Chinese name (normalised first) cost a tenth of a payment list's read.
    struct Positions: Sendable {
        let names: [String]
        let indexes: [Int]

        init(_ map: [String: Int]) {
            names = Array(map.keys)
            indexes = names.map { map[$0]! }
        }

        subscript(name: String) -> Int? {
            for (k, n) in names.enumerated() where n.utf8.elementsEqual(name.utf8) { return indexes[k] }
            return nil
        }
    }

    public let columns: [Column]
    public init(columns: [Column]) { self.columns = columns }

    /// Reads a file by its extension; `row` turns each data row into a value or reports its faults. With `deliver`,
    /// the clean values are handed out `every` so many as they are read (and none returned): the caller learns from the
    /// issues returned at the end whether the file may load at all.
    public func read<T>(_ url: URL, every size: Int = .max, deliver: (([T]) -> Void)? = nil, row: (inout Row) -> T?) -> (values: [T], issues: [ImportIssue]) {
        do {
            switch url.pathExtension.lowercased() {
            case "csv", "txt":
                var source = try CSVRowReader(url: url)
                return read(&source, every: size, deliver: deliver, row: row)
            case "xlsx":
                var source = try XLSXRowReader(url: url, sheet: nil)
                return read(&source, every: size, deliver: deliver, row: row)
            default: throw FileFault.unsupported(url.pathExtension)
            }
        } catch let fault as FileFault {
            return ([], [ImportIssue(row: fault.row, column: "", value: "", severity: .error, message: fault.message)])
        } catch {
            return ([], [Self.unreadable(error)])
        }
    }

    public func read<T>(_ source: inout some RowSource, every size: Int = .max, deliver: (([T]) -> Void)? = nil,
                        row body: (inout Row) -> T?) -> (values: [T], issues: [ImportIssue]) {
        var issues: [ImportIssue] = []
        var positions: Positions?
        var values: [T] = [], failed = false
        do {
            while let source = try source.nextRow() {
                guard let map = positions else {
                    positions = try header(source, issues: &issues).map(Positions.init)
                    if !issues.isEmpty { return ([], issues) }
                    continue
                }
                if source.isBlank { continue }
                var row = Row(number: source.number, cells: source.cells, positions: map)
                let value = body(&row)
                issues += row.issues
                if !row.isClean { failed = true }
                // Once a row has failed, nothing more is delivered: the file will not load.
                if row.isClean, let value, deliver == nil || !failed {
                    values.append(value)
                    if let deliver, values.count >= size {
                        deliver(values)
                        values.removeAll(keepingCapacity: true)
                    }
                }
            }
        } catch let fault as FileFault {
            issues.append(ImportIssue(row: fault.row, column: "", value: "", severity: .error, message: fault.message))
        } catch {
            issues.append(Self.unreadable(error))
        }
        if positions == nil && issues.isEmpty {
            let names = columns.filter(\.required).map(\.name).joined(separator: "、")
            issues.append(ImportIssue(row: nil, column: "", value: "", severity: .error,
                                      message: "没有找到表头（\(names)） / no header row (\(names)) was found"))
        }
        if let deliver, !values.isEmpty, !failed {
            deliver(values)
            values = []
        }
        return (issues.isEmpty ? values : [], issues)
    }

    /// The column positions when this row is the header (it names at least two columns); nil for a title row.
    private func header(_ row: SourceRow, issues: inout [ImportIssue]) throws -> [String: Int]? {
        let cells = row.cells.map { $0.trimmedCell.replacingOccurrences(of: "\u{FEFF}", with: "") }
        var found: [String: Int] = [:]
        for (i, c) in cells.enumerated() {
            if let col = columns.first(where: { $0.name == c || $0.key == c }) { found[col.name] = i }
        }
        guard found.count >= 2 else { return nil }
        for col in columns where col.required && found[col.name] == nil {
            issues.append(ImportIssue(row: nil, column: col.name, value: "", severity: .error,
                                      message: "缺少必填列“\(col.name)” / the required column \(col.name) (\(col.key)) is missing"))
        }
        return found
    }

    private static func unreadable(_ error: any Error) -> ImportIssue {
        ImportIssue(row: nil, column: "", value: "", severity: .error, message: "无法读取文件：\(error) / cannot read the file: \(error)")
    }
}
