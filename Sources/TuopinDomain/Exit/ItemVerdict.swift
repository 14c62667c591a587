/// The exit test's finding for one checklist item: met or not, and the evidence.
public struct ItemVerdict: Hashable, Sendable {
    public var item: ChecklistItem
    public var met: Bool
    public var evidence: ExitEvidence

    public init(item: ChecklistItem, met: Bool, evidence: ExitEvidence) {
        self.item = item
        self.met = met
        self.evidence = evidence
    }
}
