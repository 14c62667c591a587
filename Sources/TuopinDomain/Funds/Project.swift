/// 扶贫项目 — an entry of the county's project pool (项目库) with the fields the 2018 guidance requires
/// (policy-rules §6.7): name, category, new or renovation, where, when, who is responsible, the tasks, the
/// money and its mix, whom it benefits, the performance targets (no targets: it cannot enter the pool) and how
/// it benefits the poor. Its lifecycle is `ProjectStage`, moved only by `Project.take(_:on:reimbursed:)`.
public struct Project: Hashable, Sendable {
    public typealias ID = TypedID<Project>

    /// 项目类别
    public enum Category: String, Vocabulary {
        case industry = "产业发展"
        case infrastructure = "基础设施"
        case publicService = "公共服务"
        case relocation = "易地扶贫搬迁"
        case education = "教育扶贫"
        case health = "健康扶贫"
        case employment = "就业扶贫"
        case finance = "金融扶贫"
        case ecology = "生态扶贫"
        case other = "其他"
    }

    /// 建设性质
    public enum Nature: String, Vocabulary {
        case new = "新建"
        case renovation = "改扩建"
    }

    /// 申报主体 — a village proposes through its township; a county department straight to the county.
    public enum Proposer: String, Vocabulary {
        case village = "村申报"
        case township = "乡镇申报"
        case department = "部门申报"
    }

    public var id: ID?
    public var name: String
    public var category: Category
    public var nature: Nature
    public var proposer: Proposer
    public var county: AreaCode
    /// 实施地点 — the villages (or a township) where it is built.
    public var villages: [AreaCode]
    /// 责任单位
    public var unit: String
    /// 建设任务
    public var tasks: String
    /// 计划投资 — the planned investment; 报账 beyond 110% of it needs the plan re-approved.
    public var planned: Money
    /// 筹资方式 — the funding mix as written (财政专项 80万，自筹 5万 …).
    public var funding: String
    public var year: Int
    public var start: LocalDate
    public var end: LocalDate
    /// 受益对象 — registered households by ID, and the people it reaches.
    public var households: [Household.ID]
    public var beneficiaries: Int
    /// 绩效目标
    public var targets: String
    /// 带贫减贫机制
    public var mechanism: String
    public var stage: ProjectStage
    public var posted: LocalDate?
    public var accepted: LocalDate?
    public var announced: LocalDate?
    /// 出库原因
    public var removal: String?

    public init(id: ID? = nil, name: String, category: Category, nature: Nature, proposer: Proposer, county: AreaCode, villages: [AreaCode],
                unit: String, tasks: String, planned: Money, funding: String, year: Int, start: LocalDate, end: LocalDate,
                households: [Household.ID] = [], beneficiaries: Int, targets: String, mechanism: String, stage: ProjectStage = .proposed,
                posted: LocalDate? = nil, accepted: LocalDate? = nil, announced: LocalDate? = nil, removal: String? = nil) {
        self.id = id
        self.name = name
        self.category = category
        self.nature = nature
        self.proposer = proposer
        self.county = county
        self.villages = villages
        self.unit = unit
        self.tasks = tasks
        self.planned = planned
        self.funding = funding
        self.year = year
        self.start = start
        self.end = end
        self.households = households
        self.beneficiaries = beneficiaries
        self.targets = targets
        self.mechanism = mechanism
        self.stage = stage
        self.posted = posted
        self.accepted = accepted
        self.announced = announced
        self.removal = removal
    }

    /// The area the project answers to for scope: its one village, else the township all its villages share,
    /// else the county.
    public var area: AreaCode {
        if villages.count == 1 { return villages[0] }
        let townships = Set(villages.compactMap { $0.ancestor(at: .township) })
        return townships.count == 1 ? townships.first! : county
    }

    /// 报账上限 — 110% of the planned investment (policy-rules §6.5).
    public var reimbursementCeiling: Money { Money(fen: planned.fen + planned.fen / 10) }
}
