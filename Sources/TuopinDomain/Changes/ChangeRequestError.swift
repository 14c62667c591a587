/// Why a step of a change request was refused.
public enum ChangeRequestError: Refusal, Equatable {
    /// The role may not propose or decide changes.
    case notAllowed(Role)
    /// The request is not waiting for a decision (already approved, returned or withdrawn).
    case notPending
    /// Another level must act first (no level acts before the one below it).
    case wrongLevel(awaiting: AreaLevel, actor: AreaLevel?)
    /// The area of the change lies outside the actor's area.
    case outsideArea
    /// A return needs a reason.
    case reasonRequired
    /// Only the person who made the request may withdraw it.
    case notTheRequester

    public var kind: RefusalKind {
        switch self {
        case .notPending: .conflict
        case .reasonRequired: .invalid
        case .notAllowed, .wrongLevel, .outsideArea, .notTheRequester: .forbidden
        }
    }

    public var chinese: String {
        switch self {
        case .notAllowed(let r): "角色“\(r.rawValue)”无权办理变更申请"
        case .notPending: "该申请已办结，不能再审批"
        case .wrongLevel(let awaiting, let actor): "该申请正等待\(awaiting.label)审批，\(actor?.label ?? "您")不能越级办理"
        case .outsideArea: "该申请不在您的辖区内"
        case .reasonRequired: "退回须写明原因"
        case .notTheRequester: "只有申请人可以撤回"
        }
    }

    public var english: String {
        switch self {
        case .notAllowed(let r): "the role \(r.key) may not handle change requests"
        case .notPending: "the request is no longer waiting for a decision"
        case .wrongLevel(let awaiting, _): "the request waits for the \(awaiting.key) level; no level may act before it"
        case .outsideArea: "the request lies outside your area"
        case .reasonRequired: "a return needs a reason"
        case .notTheRequester: "only the requester may withdraw it"
        }
    }

    public var field: String? { self == .reasonRequired ? "reason" : nil }
}
