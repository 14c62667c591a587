import TuopinExchange

/// What an import did, or would have done on a dry run.
public struct ImportOutcome: Sendable {
    /// Every fault found, the file's and the registry's (an ID already registered elsewhere).
    public var issues: [ImportIssue]
    public var rowCount: Int
    public var households: Int
    public var members: Int
    /// Households new to the registry, and households updated by 户编号.
    public var created: Int
    public var updated: Int
    /// Whether anything was written.
    public var written: Bool
    public var batchID: Int64?
    public var readSeconds: Double
    public var writeSeconds: Double

    public var errorCount: Int { issues.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { issues.count - errorCount }
    public var hasErrors: Bool { errorCount > 0 }
}
