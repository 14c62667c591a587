/// A fault found in a registry file: where it is, what the value was, and what is wrong.
public struct ImportIssue: Hashable, Sendable, Codable {
    /// 级别 — an error stops the load; a warning does not.
    public enum Severity: String, Sendable, Codable {
        case error = "错误"
        case warning = "警告"
    }

    /// 行号 as a spreadsheet shows it; nil for a fault of the whole file.
    public var row: Int?
    /// 列名 — the column's Chinese name (or the header text), empty for the whole row or file.
    public var column: String
    /// 值 — the value as the file had it.
    public var value: String
    public var severity: Severity
    /// 问题 — the fault in Chinese and English.
    public var message: String

    public init(row: Int?, column: String, value: String, severity: Severity, message: String) {
        self.row = row
        self.column = column
        self.value = value
        self.severity = severity
        self.message = message
    }

    public static func error(_ row: Int?, _ column: ExchangeColumn?, _ value: String, _ message: String) -> ImportIssue {
        ImportIssue(row: row, column: column?.chineseName ?? "", value: value, severity: .error, message: message)
    }

    public static func warning(_ row: Int?, _ column: ExchangeColumn?, _ value: String, _ message: String) -> ImportIssue {
        ImportIssue(row: row, column: column?.chineseName ?? "", value: value, severity: .warning, message: message)
    }
}
