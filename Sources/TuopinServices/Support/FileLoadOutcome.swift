import TuopinExchange

/// What loading a file found and did — the cadre, pairing, log, problem, department, roster and interview files:
/// the faults and warnings by row and column, how many rows, how many records changed, and whether anything was
/// written (nothing is, when any fault is an error).
public struct FileLoadOutcome: Sendable {
    public var issues: [ImportIssue]
    public var rows: Int
    public var changed: Int
    public var written: Bool
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }

    public init(issues: [ImportIssue], rows: Int, changed: Int, written: Bool) {
        self.issues = issues
        self.rows = rows
        self.changed = changed
        self.written = written
    }
}
