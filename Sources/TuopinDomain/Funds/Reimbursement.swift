/// 报账 — money paid out of an allocation against vouchers, at the county or township reimbursement centre
/// (policy-rules §6.5). `ReimbursementCheck` decides whether one may be recorded.
public struct Reimbursement: Hashable, Sendable {
    public typealias ID = TypedID<Reimbursement>

    /// 报账级别 — 县级报账 (large infrastructure, parks, training) or 乡镇报账 (household industry, small works).
    public enum Level: String, Vocabulary {
        case county = "县级报账"
        case township = "乡镇报账"

        public static var aliases: [String: Level] { ["县级": .county, "乡镇": .township, "镇级": .township] }
    }

    public var id: ID?
    public var allocation: FundAllocation.ID
    public var project: Project.ID?
    public var amount: Money
    /// The application's date (报账申请日期).
    public var date: LocalDate
    /// 凭证号 — the voucher number.
    public var voucher: String
    public var level: Level

    public init(id: ID? = nil, allocation: FundAllocation.ID, project: Project.ID? = nil, amount: Money, date: LocalDate, voucher: String, level: Level) {
        self.id = id
        self.allocation = allocation
        self.project = project
        self.amount = amount
        self.date = date
        self.voucher = voucher
        self.level = level
    }
}
