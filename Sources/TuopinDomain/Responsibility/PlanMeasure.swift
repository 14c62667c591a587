/// 帮扶措施 — one measure of a household's 帮扶行动计划 (the plan the cadre and the household agree, 六个一):
/// its kind, what is to be done, when, the effect expected (an income in yuan, if any), and how far it got.
public struct PlanMeasure: Hashable, Sendable {
    public typealias ID = TypedID<PlanMeasure>

    /// 措施类别 (policy-rules §2.5), with the exit-test items a measure of the kind works on.
    public enum Kind: String, Vocabulary {
        case industry = "产业"
        case employment = "就业"
        case education = "教育"
        case health = "健康"
        case housing = "住房"
        case water = "饮水"
        case finance = "金融"
        case relocation = "搬迁"
        case safetyNet = "兜底"
        case other = "其他"

        public static var aliases: [String: Kind] { ["产业扶贫": .industry, "就业扶贫": .employment, "教育扶贫": .education, "健康扶贫": .health,
                                                     "危房改造": .housing, "易地搬迁": .relocation, "小额信贷": .finance, "社会保障兜底": .safetyNet] }

        /// The exit-test items a measure of this kind addresses.
        public var addresses: Set<ChecklistItem> {
            switch self {
            case .industry, .employment, .finance: [.income]
            case .education: [.education]
            case .health: [.medical]
            case .housing: [.housing]
            case .water: [.water]
            case .relocation: [.housing, .water, .electricity]
            case .safetyNet: [.income, .food, .clothing]
            case .other: []
            }
        }
    }

    public enum Status: String, Vocabulary {
        case planned = "计划"
        case underway = "实施中"
        case done = "已完成"
        case cancelled = "已取消"
    }

    public var id: ID?
    public var household: Household.ID
    public var kind: Kind
    public var content: String
    public var plannedDate: LocalDate
    /// 预期增收 (yuan a year), when the measure is meant to raise income.
    public var expectedIncome: Money?
    public var status: Status
    public var doneDate: LocalDate?

    public init(id: ID? = nil, household: Household.ID, kind: Kind, content: String, plannedDate: LocalDate, expectedIncome: Money? = nil,
                status: Status = .planned, doneDate: LocalDate? = nil) {
        self.id = id
        self.household = household
        self.kind = kind
        self.content = content
        self.plannedDate = plannedDate
        self.expectedIncome = expectedIncome
        self.status = status
        self.doneDate = doneDate
    }
}

/// 计划对照 — what a household's plan does about each item its exit test misses: the measures that work on
/// it (not cancelled), or none — the gap the household page shows beside the verdict.
public enum PlanCoverage {
    public static func byMissingItem(_ missing: [ChecklistItem], measures: [PlanMeasure]) -> [(item: ChecklistItem, measures: [PlanMeasure])] {
        missing.map { item in (item, measures.filter { $0.status != .cancelled && $0.kind.addresses.contains(item) }) }
    }
}
