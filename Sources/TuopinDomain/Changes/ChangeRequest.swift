import Foundation

/// 变更申请 — a change to the registry proposed by a village or township user, which takes effect
/// only when each level above has approved it, in order (village → township → county).
///
/// Order and ownership are enforced here: no level acts before the one below it, only an approver of
/// the awaited level whose area contains the change may act, and a returned request is closed.
public struct ChangeRequest: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// 待审批 — waiting for the given level.
        case pending(AreaLevel)
        /// 已通过 — approved by every level; the change takes effect.
        case approved
        /// 已退回
        case returned
        /// 已撤回
        case withdrawn

        public var label: String {
            switch self {
            case .pending(let l): "待\(l.label)审批"
            case .approved: "已通过"
            case .returned: "已退回"
            case .withdrawn: "已撤回"
            }
        }
    }

    public enum Decision: String, Sendable, Equatable, Codable {
        case submit = "提交", approve = "同意", giveBack = "退回", withdraw = "撤回"
    }

    /// One step of the request's history: who, as what, when, what they decided and why.
    public struct Step: Sendable, Equatable {
        public var actor: String
        public var role: Role
        public var decision: Decision
        public var at: Date
        public var note: String?

        public init(actor: String, role: Role, decision: Decision, at: Date, note: String?) {
            self.actor = actor
            self.role = role
            self.decision = decision
            self.at = at
            self.note = note
        }
    }

    public var kind: ChangeKind
    /// The village (or township) of the household concerned.
    public var area: AreaCode
    public var requester: String
    public var reason: String
    /// File names of supporting documents.
    public var attachments: [String]
    /// The fields before and after, as shown to the approver.
    public var before: [String: String]
    public var after: [String: String]
    /// The levels still to approve, in order.
    public private(set) var remaining: [AreaLevel]
    public private(set) var state: State
    public private(set) var steps: [Step]

    /// Proposes a change. A change by someone at or above the top level of the route takes effect at once.
    public static func submit(kind: ChangeKind, area: AreaCode, by user: User, reason: String, attachments: [String] = [],
                              before: [String: String], after: [String: String], policy: ApprovalPolicy = .standard,
                              now: Date) throws -> ChangeRequest {
        guard user.can(.editRegistry), let level = user.role.areaLevel ?? (user.role == .administrator ? .county : nil) else {
            throw ChangeRequestError.notAllowed(user.role)
        }
        guard user.scope.includes(area) else { throw ChangeRequestError.outsideArea }
        let remaining = policy.steps(for: kind, madeAt: level)
        return ChangeRequest(kind: kind, area: area, requester: user.username, reason: reason, attachments: attachments,
                             before: before, after: after, remaining: remaining,
                             state: remaining.first.map(State.pending) ?? .approved,
                             steps: [Step(actor: user.username, role: user.role, decision: .submit, at: now, note: reason)])
    }

    /// Checks that `user` may decide now: the awaited level, the right permission, the right area.
    private func checkDecider(_ user: User) throws -> AreaLevel {
        guard case .pending(let awaiting) = state else { throw ChangeRequestError.notPending }
        guard user.can(.approveChanges) else { throw ChangeRequestError.notAllowed(user.role) }
        guard user.role.areaLevel == awaiting else { throw ChangeRequestError.wrongLevel(awaiting: awaiting, actor: user.role.areaLevel) }
        guard user.scope.includes(area) else { throw ChangeRequestError.outsideArea }
        return awaiting
    }

    /// 同意 — the awaited level approves; the request moves to the next level, or is approved.
    public mutating func approve(by user: User, note: String? = nil, now: Date) throws {
        _ = try checkDecider(user)
        remaining.removeFirst()
        state = remaining.first.map(State.pending) ?? .approved
        steps.append(Step(actor: user.username, role: user.role, decision: .approve, at: now, note: note))
    }

    /// 退回 — the awaited level returns the request with a reason; it is closed.
    public mutating func giveBack(by user: User, reason: String, now: Date) throws {
        _ = try checkDecider(user)
        guard !reason.trimmedCell.isEmpty else { throw ChangeRequestError.reasonRequired }
        state = .returned
        steps.append(Step(actor: user.username, role: user.role, decision: .giveBack, at: now, note: reason))
    }

    /// 撤回 — the requester takes back a pending request.
    public mutating func withdraw(by user: User, now: Date) throws {
        guard case .pending = state else { throw ChangeRequestError.notPending }
        guard user.username == requester else { throw ChangeRequestError.notTheRequester }
        state = .withdrawn
        steps.append(Step(actor: user.username, role: user.role, decision: .withdraw, at: now, note: nil))
    }
}

extension ChangeRequest {
    /// A request as it was stored.
    public init(restoring kind: ChangeKind, area: AreaCode, requester: String, reason: String, attachments: [String],
                before: [String: String], after: [String: String], remaining: [AreaLevel], state: State, steps: [Step]) {
        self.init(kind: kind, area: area, requester: requester, reason: reason, attachments: attachments, before: before,
                  after: after, remaining: remaining, state: state, steps: steps)
    }

    /// The state as stored text: `pending:4`, `approved`, `returned`, `withdrawn`.
    public var stateKey: String {
        switch state {
        case .pending(let l): "pending:\(l.rawValue)"
        case .approved: "approved"
        case .returned: "returned"
        case .withdrawn: "withdrawn"
        }
    }

    public static func state(fromKey key: String) -> State? {
        switch key {
        case "approved": .approved
        case "returned": .returned
        case "withdrawn": .withdrawn
        default:
            key.hasPrefix("pending:") ? Int(key.dropFirst(8)).flatMap(AreaLevel.init(rawValue:)).map(State.pending) : nil
        }
    }
}
