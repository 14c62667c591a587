import Foundation

/// The error report of an import: a CSV with the header `行号,列名,值,级别,问题`.
public enum IssueReport {
    public static let header = ["行号", "列名", "值", "级别", "问题"]

    /// The report as CSV text (UTF-8 with a byte-order mark, so that Excel shows the Chinese).
    public static func csv(_ issues: [ImportIssue]) -> String {
        CSVFormat.table([header] + issues.map { i in [i.row.map(String.init) ?? "", i.column, i.value, i.severity.rawValue, i.message] },
                        byteOrderMark: false)
    }

    public static func write(_ issues: [ImportIssue], to url: URL) throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(contentsOf: csv(issues).utf8)
        try data.write(to: url, options: .atomic)
    }
}
