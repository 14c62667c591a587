import TuopinExchange

/// What an import did, or would have done on a dry run.
public struct ImportOutcome: Sendable {
    /// Every fault found, the file's and the registry's (an ID already registered elsewhere).
    public var issues: [ImportIssue]
    public var rowCount: Int
    public var households: Int
    public var members: Int
    /// Households new to the registry, and known households (by 户编号) the file changed. Before a write (a
    /// dry run) `updated` counts every known household the file holds; after it, only those it changed.
    public var created: Int
    public var updated: Int
    /// Known households the file holds as they are stored: not written, their version kept.
    public var unchanged = 0
    /// Whether anything was written.
    public var written: Bool
    public var batchID: Int64?
    public var readSeconds: Double
    public var writeSeconds: Double

    public var errorCount: Int { issues.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { issues.count - errorCount }
    public var hasErrors: Bool { errorCount > 0 }
}
