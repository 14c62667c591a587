/// Which households of an exit test a count stands for — so that every count on a page opens the list of
/// the households behind it: those that meet the standard or do not, those missing one item (an income
/// below the line and an income not recorded kept apart), those missing that item only.
public struct VerdictFilter: Hashable, Sendable {
    public enum Outcome: String, Sendable, CaseIterable {
        case meets
        case fails
    }

    /// How a household's income item failed.
    public enum Income: String, Sendable, CaseIterable {
        /// 收入低于标准
        case belowLine = "below-line"
        /// 收入未录入
        case unrecorded
    }

    public var outcome: Outcome?
    /// Missing this item…
    public var item: ChecklistItem?
    /// …for the income item, in this way…
    public var income: Income?
    /// …and nothing else.
    public var only = false

    public init(outcome: Outcome? = nil, item: ChecklistItem? = nil, income: Income? = nil, only: Bool = false) {
        self.outcome = outcome
        self.item = item
        self.income = income
        self.only = only
    }

    public func matches(_ v: ExitVerdict) -> Bool {
        if let outcome, (outcome == .meets) != v.meets { return false }
        guard let item else { return true }
        let missing = v.missing
        guard missing.contains(item) else { return false }
        if only && missing.count != 1 { return false }
        if item == .income, let income { return (income == .unrecorded) == v.incomeUnrecorded }
        return true
    }

    /// What the list shows, in words: "达标", "未达标", "缺住房（仅此一项）", "收入未录入" …
    public var label: String {
        var parts: [String] = []
        if let outcome { parts.append(outcome == .meets ? "达标" : "未达标") }
        if let item {
            switch (item, income) {
            case (.income, .belowLine?): parts.append("收入低于标准")
            case (.income, .unrecorded?): parts.append("收入未录入")
            default: parts.append("缺\(item.shortLabel)")
            }
            if only { parts.append("（仅此一项）") }
        }
        return parts.isEmpty ? "全部" : parts.joined()
    }
}
