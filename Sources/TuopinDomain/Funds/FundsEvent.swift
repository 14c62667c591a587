/// 资金项目的痕迹 — a fund source registered, an allocation, a reimbursement, a project proposed and each step
/// of its lifecycle.
public enum FundsEvent: AuditEvent {
    case sourceAdded(FundSource)
    case allocated(FundAllocation)
    case reimbursed(Reimbursement, area: AreaCode)
    case proposed(Project)
    case stepped(Project, before: Project, action: ProjectAction)
    case noticed(PublicNotice, before: PublicNotice)

    public enum Action: String, AuditActionKind {
        case source = "fund_source.add"
        case allocate = "allocation.add"
        case reimburse = "reimbursement.add"
        case propose = "project.add"
        case step = "project.step"
        case notice = "notice.post"

        public var label: String {
            switch self {
            case .source: "登记资金来源"
            case .allocate: "下达资金"
            case .reimburse: "报账"
            case .propose: "申报项目"
            case .step: "项目流转（审核、公示、入库、实施、验收、公告、出库、调整计划）"
            case .notice: "公告公示张贴或撤下"
            }
        }
    }

    public static var groupLabel: String { "资金项目" }

    public var action: Action {
        switch self {
        case .sourceAdded: .source
        case .allocated: .allocate
        case .reimbursed: .reimburse
        case .proposed: .propose
        case .stepped: .step
        case .noticed: .notice
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .sourceAdded(let s): AuditSubject(.fundSource, s.id?.description)
        case .allocated(let a): AuditSubject(.allocation, a.id?.description)
        case .reimbursed(let r, _): AuditSubject(.reimbursement, r.id?.description)
        case .proposed(let p), .stepped(let p, _, _): AuditSubject(.project, p.id?.description)
        case .noticed(let n, _): AuditSubject(n.kind == .allocation ? .fundSource : .project, String(n.subject))
        }
    }

    public var area: AreaCode? {
        switch self {
        case .sourceAdded(let s): s.county
        case .allocated(let a): a.area
        case .reimbursed(_, let area): area
        case .proposed(let p), .stepped(let p, _, _): p.area
        case .noticed(let n, _): n.area
        }
    }

    static func fields(_ p: Project) -> [String: String?] {
        ["项目名称": p.name, "类别": p.category.rawValue, "性质": p.nature.rawValue, "申报": p.proposer.rawValue,
         "地点": p.villages.map(\.value).joined(separator: " "), "责任单位": p.unit, "建设任务": p.tasks, "计划投资": p.planned.plainYuan,
         "筹资方式": p.funding, "年度": String(p.year), "起止": "\(p.start)至\(p.end)", "受益户数": String(p.households.count),
         "受益人数": String(p.beneficiaries), "绩效目标": p.targets, "带贫减贫机制": p.mechanism, "阶段": p.stage.rawValue,
         "公示日期": p.posted?.description, "验收日期": p.accepted?.description, "公告日期": p.announced?.description, "出库原因": p.removal]
    }

    static func fields(_ n: PublicNotice) -> [String: String?] {
        ["公告": n.kind.rawValue, "标题": n.title, "张贴日期": n.posted?.description, "撤下日期": n.removed?.description, "张贴地点": n.place.isEmpty ? nil : n.place]
    }

    public var before: [String: String?]? {
        if case .stepped(_, let before, _) = self { return Self.fields(before) }
        if case .noticed(_, let before) = self { return Self.fields(before) }
        return nil
    }

    public var after: [String: String?]? {
        switch self {
        case .sourceAdded(let s):
            ["类别": s.kind.rawValue, "文号": s.document, "资金名称": s.title, "下达日期": s.issued.description, "金额": s.amount.plainYuan, "县": s.county.value]
        case .allocated(let a):
            ["资金来源": a.source.description, "区划": a.area.value, "项目": a.project?.description, "金额": a.amount.plainYuan,
             "下达日期": a.date.description, "责任单位": a.unit]
        case .reimbursed(let r, _):
            ["下达": r.allocation.description, "项目": r.project?.description, "金额": r.amount.plainYuan, "申请日期": r.date.description,
             "凭证号": r.voucher, "级别": r.level.rawValue]
        case .proposed(let p): Self.fields(p)
        case .stepped(let p, _, _): Self.fields(p)
        case .noticed(let n, _): Self.fields(n)
        }
    }

    public var reason: String? {
        guard case .stepped(_, _, let action) = self else { return nil }
        switch action {
        case .advance(let note), .object(let note), .replan(_, let note): return note.isEmpty ? nil : note
        case .remove(let reason): return reason
        }
    }
}
