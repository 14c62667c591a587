/// 评估的痕迹 — an evaluation set up with its drawn sample, each interview recorded (or corrected), and each
/// change of its state (findings published for appeal, closed).
public enum EvaluationEvent: AuditEvent {
    case created(Evaluation, households: Int, villages: Int)
    case interviewed(Evaluation, EvaluationInterview, before: EvaluationInterview?)
    case stateChanged(Evaluation, from: Evaluation.State)
    case appealed(Evaluation, EvaluationAppeal)
    case decided(Evaluation, EvaluationAppeal)

    public enum Action: String, AuditActionKind {
        case create = "evaluation.add"
        case interview = "evaluation.interview"
        case state = "evaluation.state"
        case appeal = "evaluation.appeal"
        case decide = "evaluation.appeal.decide"

        public var label: String {
            switch self {
            case .create: "组织评估并抽样"
            case .interview: "记录入户调查"
            case .state: "评估反馈或结束"
            case .appeal: "申诉举证"
            case .decide: "处理申诉（维持或撤销）"
            }
        }
    }

    public static var groupLabel: String { "第三方评估" }

    public var action: Action {
        switch self {
        case .created: .create
        case .interviewed: .interview
        case .stateChanged: .state
        case .appealed: .appeal
        case .decided: .decide
        }
    }

    var evaluation: Evaluation {
        switch self {
        case .created(let e, _, _), .interviewed(let e, _, _), .stateChanged(let e, _), .appealed(let e, _), .decided(let e, _): e
        }
    }

    public var subject: AuditSubject { AuditSubject(.evaluation, evaluation.id?.description) }
    public var area: AreaCode? { evaluation.county }

    static func fields(_ i: EvaluationInterview) -> [String: String?] {
        ["样本编号": String(i.sample), "访问日期": i.date.description, "访问员": i.interviewer, "核实结论": i.verdict.rawValue,
         "认可度": i.approvals.keys.sorted().map { "\($0)\(i.approvals[$0]! ? "认可" : "不认可")" }.joined(separator: "、"), "说明": i.note.isEmpty ? nil : i.note,
         "用时（分钟）": i.minutes.map(String.init),
         "问卷": i.answers.isEmpty ? nil : i.answers.keys.sorted().map { "\($0)=\(i.answers[$0]!)" }.joined(separator: "；")]
    }

    public var before: [String: String?]? {
        switch self {
        case .interviewed(_, _, let b): b.map(Self.fields)
        case .stateChanged(_, let from): ["状态": from.rawValue]
        default: nil
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .created(let e, let n, let v):
            ["类型": e.kind.rawValue, "名称": e.title, "县": e.county.countyPart, "年度": String(e.year), "评估组": e.team.joined(separator: "、"),
             "种子": String(e.seed), "抽中村数": String(v), "抽中户数": String(n), "申诉期限（天）": String(e.appealDays)]
        case .interviewed(_, let i, _): Self.fields(i)
        case .stateChanged(let e, _): ["状态": e.state.rawValue]
        case .appealed(_, let a): ["样本编号": String(a.sample), "申诉理由": a.reason, "申诉日期": a.filed.description]
        case .decided(_, let a): ["样本编号": String(a.sample), "处理结果": a.decision?.rawValue, "说明": a.note.isEmpty ? nil : a.note]
        }
    }
}
