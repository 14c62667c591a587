/// 督查整改的痕迹 — what supervision records: a problem listed, each step of its rectification, an
/// inspection ordered, its draw, its closing.
public enum SupervisionEvent: AuditEvent {
    case listed(Problem)
    case stepped(Problem, before: Problem, action: ProblemAction, note: String)
    case inspectionOrdered(Inspection)
    case drawn(Inspection, villages: Int, households: Int)
    case inspectionClosed(Inspection)
    case heldToAccount(Accountability)

    public enum Action: String, AuditActionKind {
        case list = "problem.add"
        case step = "problem.step"
        case order = "inspection.add"
        case draw = "inspection.draw"
        case close = "inspection.close"
        case account = "accountability.add"

        public var label: String {
            switch self {
            case .list: "登记问题"
            case .step: "问题整改流转（认领、交办、分办、申请销号、退回、销号、复查、延期）"
            case .order: "部署督查"
            case .draw: "暗访随机抽样"
            case .close: "结束督查"
            case .account: "记录问责或表彰"
            }
        }
    }

    public static var groupLabel: String { "督查整改" }

    public var action: Action {
        switch self {
        case .listed: .list
        case .stepped: .step
        case .inspectionOrdered: .order
        case .drawn: .draw
        case .inspectionClosed: .close
        case .heldToAccount: .account
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .listed(let p), .stepped(let p, _, _, _): AuditSubject(.problem, p.id?.description)
        case .inspectionOrdered(let i), .drawn(let i, _, _), .inspectionClosed(let i): AuditSubject(.inspection, i.id?.description)
        case .heldToAccount(let a): AuditSubject(.problem, a.problems.first?.description)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .listed(let p), .stepped(let p, _, _, _): p.area
        case .inspectionOrdered(let i), .drawn(let i, _, _), .inspectionClosed(let i): i.area
        case .heldToAccount(let a): a.area
        }
    }

    static func fields(_ p: Problem) -> [String: String?] {
        ["来源": p.source.rawValue, "区划": p.area.value, "责任单位": p.unit, "类别": p.category, "问题描述": p.description,
         "严重程度": p.severity.rawValue, "发现日期": p.found.description, "整改期限": p.deadline.description, "状态": p.state.rawValue,
         "涉及户": p.households.isEmpty ? nil : p.households.map(\.description).joined(separator: " "), "销号日期": p.closed?.description, "分办自": p.parent?.description]
    }

    public var before: [String: String?]? {
        switch self {
        case .stepped(_, let before, _, _): Self.fields(before)
        default: nil
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .listed(let p): Self.fields(p)
        case .stepped(let p, _, let action, _):
            Self.fields(p).merging(["操作": action.label], uniquingKeysWith: { $1 })
        case .inspectionOrdered(let i), .inspectionClosed(let i):
            ["类型": i.kind.rawValue, "名称": i.title, "督查组": i.team.joined(separator: "、"), "开始": i.start.description, "结束": i.end.description,
             "区划": i.area.value, "方式": i.method, "状态": i.closed ? "已结束" : "进行中"]
        case .drawn(let i, let v, let h): ["抽取村数": String(v), "抽取户数": String(h), "种子": i.seed.map(String.init)]
        case .heldToAccount(let a):
            ["方式": a.action.rawValue, "依据": a.basis.rawValue, "单位": a.unit, "责任人": a.person.isEmpty ? nil : a.person, "日期": a.date.description,
             "说明": a.note, "问题": a.problems.map(\.description).joined(separator: " ")]
        }
    }

    public var reason: String? {
        switch self {
        case .stepped(_, _, _, let note): note.isEmpty ? nil : note
        default: nil
        }
    }
}
