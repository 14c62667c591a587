/// 变更申请痕迹 — a change request submitted, and each decision on it.
public enum ChangeEvent: AuditEvent {
    public static let groupLabel = "变更审批"

    case submitted(ChangeRequest.ID, ChangeRequest, household: Household.ID?)
    /// One step of the request's state machine (approve, return, withdraw).
    case decided(ChangeRequest.ID, ChangeRequest.Step, area: AreaCode, household: Household.ID?)

    public enum Action: String, AuditActionKind {
        case submit = "change.submit"
        case approve = "change.approve"
        case giveBack = "change.return"
        case withdraw = "change.withdraw"

        public var label: String {
            switch self {
            case .submit: "提交变更申请"
            case .approve: "同意变更申请"
            case .giveBack: "退回变更申请"
            case .withdraw: "撤回变更申请"
            }
        }
    }

    public var action: Action {
        switch self {
        case .submitted: .submit
        case .decided(_, let step, _, _):
            switch step.decision {
            case .submit: .submit
            case .approve: .approve
            case .giveBack: .giveBack
            case .withdraw: .withdraw
            }
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .submitted(_, _, let h), .decided(_, _, _, let h): .household(h)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .submitted(_, let r, _): r.area
        case .decided(_, _, let area, _): area
        }
    }

    public var before: [String: String?]? {
        guard case .submitted(_, let r, _) = self else { return nil }
        return r.before.mapValues { $0 }
    }

    public var after: [String: String?]? {
        guard case .submitted(_, let r, _) = self else { return nil }
        return r.after.mapValues { $0 }
    }

    public var reason: String? {
        switch self {
        case .submitted(let id, let r, _): "变更申请 #\(id)（\(r.kind.rawValue)）：\(r.reason)"
        case .decided(let id, let step, _, _): "变更申请 #\(id)：\(step.note ?? step.decision.rawValue)"
        }
    }
}
