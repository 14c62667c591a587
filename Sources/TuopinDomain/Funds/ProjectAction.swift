/// 项目流转 — one step of a project's lifecycle. `Project.take` is the whole machine: a step out of order, too
/// early or without what it needs is refused with the reason and the field it concerns.
public enum ProjectAction: Sendable, Hashable {
    /// The next stage of the lifecycle (审核, 公示, 入库, 列入年度计划, 开工, 验收, 报账完毕, 公告, 绩效评价).
    case advance(note: String)
    /// 公示异议 — an objection during posting sends the project back to county review.
    case object(note: String)
    /// 出库 — removed from the pool, with the reason.
    case remove(reason: String)
    /// 调整计划 — the plan re-approved with a new investment (needed before reimbursing more than 110%).
    case replan(amount: Money, note: String)

    public var key: String {
        switch self {
        case .advance: "advance"
        case .object: "object"
        case .remove: "remove"
        case .replan: "replan"
        }
    }
}

/// How many days a project is posted before it may enter the pool (公示 ≥ 10 days, policy-rules §6.6).
public let projectPostingDays = 10

extension Project {
    /// The stage `advance` leads to from here (nil at the end or once removed). A department's proposal goes
    /// straight to county review.
    public var nextStage: ProjectStage? {
        if stage == .proposed && proposer == .department { return .countyReviewed }
        guard let i = ProjectStage.lifecycle.firstIndex(of: stage), i + 1 < ProjectStage.lifecycle.count else { return nil }
        return ProjectStage.lifecycle[i + 1]
    }

    /// The project after `action` on `date`; `reimbursed` is what has been reimbursed against it so far.
    public func take(_ action: ProjectAction, on date: LocalDate, reimbursed: Money = .zero) throws(Refused) -> Project {
        var p = self
        switch action {
        case .advance(let note):
            guard let next = nextStage else { throw Refused(.conflict, "项目已在最后阶段（\(stage.rawValue)）", "the project is at its last stage", field: "action") }
            switch next {
            case .posted:
                guard !targets.trimmedCell.isEmpty else {
                    throw Refused(.invalid, "没有绩效目标的项目不能公示入库", "a project without performance targets cannot be posted", field: "targets")
                }
                p.posted = date
            case .pooled:
                let since = posted.map { date.days(since: $0) } ?? 0
                guard since >= projectPostingDays else {
                    throw Refused(.invalid, "公示不少于\(projectPostingDays)天，已公示\(since)天", "posted for \(since) days; at least \(projectPostingDays) are needed", field: "action")
                }
            case .accepted:
                p.accepted = date
            case .reimbursed:
                guard reimbursed.fen > 0 else { throw Refused(.invalid, "尚无报账记录", "nothing has been reimbursed yet", field: "action") }
            case .announced:
                p.announced = date
            case .evaluated:
                guard note.trimmedCell.count >= 4 else { throw Refused(.invalid, "请写明绩效评价结论（至少4字）", "write the evaluation's conclusion", field: "note") }
            default: break
            }
            p.stage = next
        case .object(let note):
            guard stage == .posted else { throw Refused(.conflict, "只有公示中的项目可以提出异议", "only a posted project takes objections", field: "action") }
            guard note.trimmedCell.count >= 4 else { throw Refused(.invalid, "请写明异议内容（至少4字）", "write the objection", field: "note") }
            p.stage = .countyReviewed
            p.posted = nil
        case .remove(let reason):
            guard stage.mayBeRemoved else { throw Refused(.conflict, "\(stage.rawValue)的项目不能出库", "a project \(stage.rawValue) cannot be removed", field: "action") }
            guard reason.trimmedCell.count >= 4 else { throw Refused(.invalid, "请写明出库原因（至少4字）", "write why it is removed", field: "note") }
            p.stage = .removed
            p.removal = reason.trimmedCell
        case .replan(let amount, let note):
            guard [.pooled, .planned, .underway, .accepted].contains(stage) else {
                throw Refused(.conflict, "\(stage.rawValue)的项目不能调整计划", "the plan of a project \(stage.rawValue) cannot change", field: "action")
            }
            guard amount.fen > 0 else { throw Refused(.invalid, "计划投资应大于0", "the planned investment must be above 0", field: "amount") }
            guard amount >= reimbursed else { throw Refused(.invalid, "计划投资不能少于已报账金额 \(reimbursed.groupedYuan) 元", "below what is reimbursed", field: "amount") }
            guard note.trimmedCell.count >= 4 else { throw Refused(.invalid, "请写明批复文号或原因", "write the approval", field: "note") }
            p.planned = amount
        }
        return p
    }
}
