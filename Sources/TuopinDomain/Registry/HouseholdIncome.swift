/// 家庭收入 — a household's income for one year, by component. A household keeps one per year.
public struct HouseholdIncome: Hashable, Sendable, Codable {
    public var year: Int
    /// 工资性收入
    public var wage: Money?
    /// 生产经营性收入
    public var business: Money?
    /// 财产性收入
    public var property: Money?
    /// 转移性收入
    public var transfer: Money?
    /// 生产经营性支出
    public var businessExpense: Money?

    public init(year: Int, wage: Money? = nil, business: Money? = nil, property: Money? = nil,
                transfer: Money? = nil, businessExpense: Money? = nil) {
        self.year = year
        self.wage = wage
        self.business = business
        self.property = property
        self.transfer = transfer
        self.businessExpense = businessExpense
    }

    /// 家庭纯收入 = wage + business + property + transfer − business expense (blanks count as 0).
    public var net: Money {
        let z = Money.zero
        return (wage ?? z) + (business ?? z) + (property ?? z) + (transfer ?? z) - (businessExpense ?? z)
    }

    /// 人均纯收入 — per-capita net income: net income ÷ the number of members, rounded to the fen.
    /// Source: registry-exchange format; 扶贫手册 income account (policy-rules §2.2).
    public func perCapita(memberCount: Int) -> Money? {
        memberCount > 0 ? net.divided(by: memberCount) : nil
    }

    /// Whether any component was recorded.
    public var isEmpty: Bool { wage == nil && business == nil && property == nil && transfer == nil && businessExpense == nil }
}
