/// 整改流程 — the steps a problem takes and who may take each (issue #15 item 3). A step out of order, by the
/// wrong person or without what it needs is refused with the reason; `Problem.take` is the whole machine.
public enum ProblemAction: Sendable, Hashable {
    /// 认领 — a unit (and person) takes an unclaimed problem as theirs.
    case claim(unit: String, owner: Cadre.ID?)
    /// 交办 — the issuing level names the owner of an unclaimed problem, or changes it.
    case assign(unit: String, owner: Cadre.ID?)
    /// 申请销号 — the owner reports the fix with its evidence.
    case apply(ProblemEvidence)
    /// 退回 — the reviewer sends an application back, with the reason.
    case sendBack(reason: String)
    /// 销号 — the reviewer closes the problem on the evidence.
    case close(note: String)
    /// 复查 (回头看) — a later check finds a closed problem again: back to 整改中 with a new deadline.
    case reopen(reason: String, deadline: LocalDate)
    /// 延期 — the issuing level moves the deadline, with the reason.
    case extend(to: LocalDate, reason: String)
    /// 分办 — the issuing level divides the problem among units, each with its deadline; this problem keeps the first
    /// share (`Problem.parts(for:)` makes the others).
    case divide([ProblemShare])

    /// The key stored with each step and in the audit trail.
    public var key: String {
        switch self {
        case .claim: "claim"
        case .assign: "assign"
        case .apply: "apply"
        case .sendBack: "return"
        case .close: "close"
        case .reopen: "reopen"
        case .extend: "extend"
        case .divide: "divide"
        }
    }

    public var label: String {
        switch self {
        case .claim: "认领"
        case .assign: "交办"
        case .apply: "申请销号"
        case .sendBack: "退回"
        case .close: "销号"
        case .reopen: "复查重开"
        case .extend: "延期"
        case .divide: "分办"
        }
    }
}

/// 整改证据 — what shows the fix: a description, and optionally a changed registry record (its audit record
/// number) and files (their names and SHA-256).
public struct ProblemEvidence: Sendable, Hashable {
    public var text: String
    public var auditRecord: Int64?
    /// How many photos or documents come with it.
    public var files: Int

    public init(text: String, auditRecord: Int64? = nil, files: Int = 0) {
        self.text = text
        self.auditRecord = auditRecord
        self.files = files
    }

    /// Enough to close on: at least ten characters of description, a linked record, or a photo or document.
    public var isSufficient: Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).count >= 10 || auditRecord != nil || files > 0 }
}

/// Who takes a step: their account, the area they answer for (nil: everything) and what their role allows.
public struct ProblemActor: Sendable {
    public var username: String
    public var area: AreaCode?
    public var mayRectify: Bool
    public var mayReview: Bool

    public init(username: String, area: AreaCode?, mayRectify: Bool, mayReview: Bool) {
        self.username = username
        self.area = area
        self.mayRectify = mayRectify
        self.mayReview = mayReview
    }

    /// The problem lies in the actor's area.
    func sees(_ p: Problem) -> Bool { area.map { $0.contains(p.area) } ?? true }

    /// The actor reviews for the level that listed the problem (that level or above it).
    func reviews(_ p: Problem) -> Bool { mayReview && (area.map { $0.contains(p.issuedBy) } ?? true) }
}

extension Problem {
    /// The problem after `action` by `actor` on `date`, or the refusal saying why not.
    public func take(_ action: ProblemAction, by actor: ProblemActor, on date: LocalDate) throws(Refused) -> Problem {
        var p = self
        func require(_ states: [ProblemState]) throws(Refused) {
            guard states.contains(state) else {
                throw Refused(.conflict, "问题当前为“\(state.rawValue)”，不能\(action.label)", "a problem \(state) cannot take this step")
            }
        }
        func text(_ t: String, _ field: String, _ zh: String) throws(Refused) -> String {
            let s = t.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !s.isEmpty else { throw Refused(.invalid, "请写明\(zh)", "give the \(field)", field: field) }
            return s
        }
        guard actor.sees(self) || actor.reviews(self) else { throw Refused(.notFound, "没有这个问题", "no such problem") }
        switch action {
        case .claim(let unit, let owner):
            try require([.unclaimed])
            guard actor.mayRectify, actor.sees(self) else { throw Refused(.forbidden, "只有问题所在地的责任单位可以认领", "only a unit of the problem's area claims it") }
            p.unit = try text(unit, "unit", "责任单位")
            p.owner = owner
            p.state = .rectifying
        case .assign(let unit, let owner):
            try require([.unclaimed, .rectifying])
            guard actor.reviews(self) else { throw Refused(.forbidden, "只有下发问题的一级可以交办", "only the issuing level assigns") }
            p.unit = try text(unit, "unit", "责任单位")
            p.owner = owner
            p.state = .rectifying
        case .apply(let evidence):
            try require([.rectifying])
            guard actor.mayRectify, actor.sees(self) else { throw Refused(.forbidden, "只有责任单位可以申请销号", "only the owner applies for closing") }
            guard evidence.isSufficient else {
                throw Refused(.invalid, "申请销号须附整改证据：说明（至少10字）、照片或文件，或关联的登记修改记录", "evidence is required: a description of 10 characters, a photo or document, or a linked record", field: "evidence")
            }
            p.rectifier = actor.username
            p.state = .applied
        case .sendBack(let reason):
            try require([.applied])
            guard actor.reviews(self) else { throw Refused(.forbidden, "只有下发问题的一级可以退回", "only the issuing level returns an application") }
            _ = try text(reason, "reason", "退回原因")
            p.state = .rectifying
        case .close:
            try require([.applied])
            guard actor.reviews(self) else { throw Refused(.forbidden, "只有下发问题的一级可以销号", "only the issuing level closes a problem") }
            guard actor.username != rectifier else {
                throw Refused(.forbidden, "整改人不能为本人整改的问题销号，须由他人审核", "the one who rectified may not close it: another reviewer must")
            }
            p.state = .closed
            p.closed = date
        case .reopen(let reason, let deadline):
            try require([.closed])
            guard actor.reviews(self) else { throw Refused(.forbidden, "只有下发问题的一级可以复查重开", "only the issuing level reopens") }
            _ = try text(reason, "reason", "复查发现的情况")
            guard deadline > date else { throw Refused(.invalid, "新的整改期限应晚于今天", "the new deadline must be after today", field: "deadline") }
            p.state = .rectifying
            p.closed = nil
            p.deadline = deadline
        case .divide(let shares):
            try require([.unclaimed, .rectifying])
            guard actor.reviews(self) else { throw Refused(.forbidden, "只有下发问题的一级可以分办", "only the issuing level divides a problem") }
            if let refusal = ProblemShare.refusal(shares, on: date) { throw refusal }
            p.unit = shares[0].unit.trimmingCharacters(in: .whitespaces)
            p.owner = shares[0].owner
            p.deadline = shares[0].deadline
            p.state = .rectifying
        case .extend(let to, let reason):
            try require([.unclaimed, .rectifying])
            guard actor.reviews(self) else { throw Refused(.forbidden, "只有下发问题的一级可以延期", "only the issuing level extends a deadline") }
            _ = try text(reason, "reason", "延期原因")
            guard to > deadline else { throw Refused(.invalid, "新的期限应晚于原期限 \(deadline)", "the new deadline must be after \(deadline)", field: "deadline") }
            p.deadline = to
        }
        return p
    }
}
