/// 第三方评估 / 预评估 — an evaluation of a county's exits for a year: who runs it (national or provincial
/// third party, or the county on itself), its team, the seed its sample is drawn with, and how far it has got.
public struct Evaluation: Hashable, Sendable {
    public typealias ID = TypedID<Evaluation>

    /// 评估类型.
    public enum Kind: String, Vocabulary {
        case national = "国家第三方评估"
        case provincial = "省级评估"
        case countyPre = "县级预评估"

        public static var aliases: [String: Kind] { ["预评估": .countyPre, "自查": .countyPre, "第三方评估": .national] }
    }

    /// 进展: sampling and interviewing (进行中), findings published for appeal (反馈中), closed (已结束).
    public enum State: String, Vocabulary {
        case open = "进行中"
        case feedback = "反馈中"
        case closed = "已结束"
    }

    public var id: ID?
    public var kind: Kind
    public var county: AreaCode
    public var year: Int
    public var title: String
    /// Usernames of the evaluators; only they interview, and (for a third party) only they see the sample.
    public var team: [String]
    public var seed: UInt64
    public var design: EvaluationDesign
    public var state: State
    public var created: LocalDate
    /// When the findings were published (反馈), which opens the appeal window.
    public var feedback: LocalDate?
    /// 申诉期限 — days after the feedback within which the county appeals (`EvaluationAppeal.windowDays` unless set).
    public var appealDays = EvaluationAppeal.windowDays

    public init(id: ID? = nil, kind: Kind, county: AreaCode, year: Int, title: String, team: [String], seed: UInt64,
                design: EvaluationDesign = EvaluationDesign(), state: State = .open, created: LocalDate) {
        self.id = id
        self.kind = kind
        self.county = county
        self.year = year
        self.title = title
        self.team = team
        self.seed = seed
        self.design = design
        self.state = state
        self.created = created
    }
}

extension Evaluation {
    /// The same evaluation with its feedback date.
    public func with(feedback date: LocalDate?, appealDays: Int = EvaluationAppeal.windowDays) -> Evaluation {
        var e = self
        e.feedback = date
        e.appealDays = appealDays
        return e
    }
}
