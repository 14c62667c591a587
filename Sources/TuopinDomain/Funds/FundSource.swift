/// 资金来源 — money that arrived in the county for poverty work, with the document that issued it (文号, date,
/// amount). Allocations draw on it; its rate is what was reimbursed of what was allocated.
public struct FundSource: Hashable, Sendable {
    public typealias ID = TypedID<FundSource>

    /// 资金类别 (policy-rules §6.5; the fund sources of issue #16 item 2).
    public enum Kind: String, Vocabulary {
        case central = "中央财政专项"
        case provincial = "省级财政专项"
        case prefecture = "市级财政专项"
        case county = "县级财政专项"
        case integrated = "整合涉农资金"
        case eastWest = "东西部协作"
        case designated = "定点帮扶"
        case social = "社会帮扶"
        case credit = "信贷资金"

        public static var aliases: [String: Kind] {
            ["中央": .central, "省级": .provincial, "市级": .prefecture, "县级": .county, "整合": .integrated, "对口帮扶": .eastWest, "信贷": .credit]
        }
    }

    public var id: ID?
    public var kind: Kind
    /// 文号 — the issuing document's number, e.g. 桂财农〔2019〕12号.
    public var document: String
    /// 资金名称 — what the document calls the money.
    public var title: String
    public var issued: LocalDate
    public var amount: Money
    /// The county that received it.
    public var county: AreaCode

    public init(id: ID? = nil, kind: Kind, document: String, title: String, issued: LocalDate, amount: Money, county: AreaCode) {
        self.id = id
        self.kind = kind
        self.document = document
        self.title = title
        self.issued = issued
        self.amount = amount
        self.county = county
    }
}
