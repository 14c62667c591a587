/// 脱贫核验结论 — the household exit test's finding for a year: each item with its evidence.
public struct ExitVerdict: Hashable, Sendable {
    public var year: Int
    public var referenceDate: LocalDate
    /// In checklist order.
    public var items: [ItemVerdict]

    /// 达标 — every item met.
    public var meets: Bool { items.allSatisfy(\.met) }

    /// 未达标项, in verdict-file order.
    public var missing: [ChecklistItem] { items.filter { !$0.met }.map(\.item) }

    /// 结论 as the verdict file writes it.
    public var conclusion: String { meets ? "达标" : "未达标" }

    /// The income item failed because no income is recorded for the year — a gap in the registry, not a
    /// household below the line; pages and tables keep the two apart.
    public var incomeUnrecorded: Bool {
        items.contains { item in
            guard item.item == .income, !item.met, case .income(_, nil, _?) = item.evidence else { return false }
            return true
        }
    }

    /// 未达标项 as the verdict file writes it: codes separated by `;`.
    public var missingCodes: String { missing.map(\.rawValue).joined(separator: ";") }
}
