/// Why a step of a change request was refused.
public enum ChangeRequestError: Error, Equatable, Sendable {
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

    public var message: String {
        switch self {
        case .notAllowed(let r): "角色“\(r.rawValue)”无权办理变更申请 / the role \(r.key) may not handle change requests"
        case .notPending: "该申请已办结，不能再审批 / the request is no longer waiting for a decision"
        case .wrongLevel(let awaiting, let actor):
            "该申请正等待\(awaiting.label)审批，\(actor?.label ?? "您")不能越级办理 / the request waits for the \(awaiting.key) level; no level may act before it"
        case .outsideArea: "该申请不在您的辖区内 / the request lies outside your area"
        case .reasonRequired: "退回须写明原因 / a return needs a reason"
        case .notTheRequester: "只有申请人可以撤回 / only the requester may withdraw it"
        }
    }
}
