/// 资金下达 — part of a source sent to a township (乡镇) or to a project, on a date, for a unit to spend.
/// What is reimbursed against it, over what was allocated, is its 报账率; money that sits too long unspent is
/// 沉淀资金 (`IdleFundRule`).
public struct FundAllocation: Hashable, Sendable {
    public typealias ID = TypedID<FundAllocation>

    public var id: ID?
    public var source: FundSource.ID
    /// The township or county whose account holds the money.
    public var area: AreaCode
    public var project: Project.ID?
    public var amount: Money
    public var date: LocalDate
    /// 责任单位 — who spends it (a township government, a county department).
    public var unit: String

    public init(id: ID? = nil, source: FundSource.ID, area: AreaCode, project: Project.ID? = nil, amount: Money, date: LocalDate, unit: String) {
        self.id = id
        self.source = source
        self.area = area
        self.project = project
        self.amount = amount
        self.date = date
        self.unit = unit
    }
}
