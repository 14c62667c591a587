import TuopinDomain

/// A household in a list of exit-test results: who, where, and what it misses.
public struct VerdictRow: Sendable, Codable, Equatable {
    public var id: Household.ID
    public var number: String
    public var head: String
    public var villageCode: AreaCode
    public var members: Int
    public var exitYear: Int?
    public var missing: [ChecklistItem]
    public var incomeUnrecorded: Bool

    public init(id: Household.ID, number: String, head: String, villageCode: AreaCode, members: Int, exitYear: Int?,
                missing: [ChecklistItem], incomeUnrecorded: Bool) {
        self.id = id
        self.number = number
        self.head = head
        self.villageCode = villageCode
        self.members = members
        self.exitYear = exitYear
        self.missing = missing
        self.incomeUnrecorded = incomeUnrecorded
    }

    /// 未达标项 in words: "收入未录入、住房".
    public var missingText: String {
        missing.map { $0 == .income ? (incomeUnrecorded ? "收入未录入" : "收入低于标准") : $0.label }.joined(separator: "、")
    }
}
