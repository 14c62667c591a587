/// 达标情况汇总 — counts of the exit test over many households: how many meet the standard, how
/// many miss each item, and how many are held back by one item alone ("312 户仅住房未达标").
public struct ExitTally: Hashable, Sendable {
    public var households = 0
    public var persons = 0
    public var meeting = 0
    /// Households missing each item (a household missing two counts under both).
    public var missing: [ChecklistItem: Int] = [:]
    /// Households whose only missing item is this one.
    public var onlyMissing: [ChecklistItem: Int] = [:]
    /// Of those missing the income item: households with no income recorded for the year (the rest are below
    /// the line), and those held back by that alone.
    public var incomeUnrecorded = 0
    public var onlyIncomeUnrecorded = 0

    public init() {}

    public mutating func add(_ verdict: ExitVerdict, persons: Int) {
        households += 1
        self.persons += persons
        var missed: ChecklistItem?
        var count = 0
        for item in verdict.items where !item.met {
            missing[item.item, default: 0] += 1
            missed = item.item
            count += 1
        }
        if count == 0 { meeting += 1 } else if count == 1, let missed { onlyMissing[missed, default: 0] += 1 }
        if verdict.incomeUnrecorded {
            incomeUnrecorded += 1
            if count == 1 { onlyIncomeUnrecorded += 1 }
        }
    }

    /// 收入低于标准 — households missing the income item with an income recorded below the line.
    public var incomeBelowLine: Int { (missing[.income] ?? 0) - incomeUnrecorded }
    public var onlyIncomeBelowLine: Int { (onlyMissing[.income] ?? 0) - onlyIncomeUnrecorded }

    public mutating func add(_ other: ExitTally) {
        households += other.households
        persons += other.persons
        meeting += other.meeting
        missing.merge(other.missing, uniquingKeysWith: +)
        onlyMissing.merge(other.onlyMissing, uniquingKeysWith: +)
        incomeUnrecorded += other.incomeUnrecorded
        onlyIncomeUnrecorded += other.onlyIncomeUnrecorded
    }

    public var notMeeting: Int { households - meeting }

    /// The items a summary shows: the national floor, and any overlay item some household missed.
    public var shownItems: [ChecklistItem] {
        ChecklistItem.allCases.filter { missing[$0] != nil || ChecklistItem.nationalFloor.contains($0) }
    }
}
