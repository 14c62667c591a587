import FluentKit
import Foundation
import TuopinDomain
import TuopinStore

/// 变更申请 — requests to change the registry, decided level by level through the domain's state machine;
/// the last approval carries the change out over the version it was made against.
public enum ChangeService {
    /// A request as its page shows it, with what the actor may do to it.
    public struct Shown: Sendable {
        public var stored: ChangeRequestStore.Stored
        public var canDecide: Bool
        public var canWithdraw: Bool
        /// "姓名（单位）" of everyone who took a step.
        public var actors: [String: String]
        /// Its supporting papers (证明材料) and whether the viewer may add more: the requester or a decider, while pending.
        public var attachments: [Attachment] = []
        public var canAttach = false
        public var uploadLimit = AttachmentRules()
    }

    public enum Decision: Sendable {
        case approve(note: String?)
        case giveBack(reason: String)
        case withdraw
    }

    /// The requests in the actor's area, newest first; with `waitingForMe`, only those waiting for the actor's decision.
    public static func list(waitingForMe: Bool = false, in ctx: ServiceContext) async throws -> [ChangeRequestStore.Stored] {
        try ctx.user.require(.readRegistry)
        guard ctx.user.can(.editRegistry) || ctx.user.can(.approveChanges) else {
            throw Refused(.forbidden, "您的角色不办理变更申请", "your role does not handle change requests")
        }
        let level = waitingForMe ? decidingLevel(ctx.user) : nil
        if waitingForMe && level == nil { return [] }
        return try await ChangeRequestStore.list(scope: ctx.user.scope, waitingFor: level, on: ctx.db)
    }

    /// 待我审批 — how many requests wait for the actor's decision (nil: the actor decides none).
    public static func waitingCount(in ctx: ServiceContext) async throws -> Int? {
        guard ctx.user.can(.approveChanges), let level = decidingLevel(ctx.user) else { return nil }
        let scope = ctx.user.scope, db = ctx.db
        return try await ctx.reads.value("waiting:\(scope):\(level.rawValue)") {
            try await ChangeRequestStore.countWaiting(for: level, scope: scope, on: db)
        }
    }

    /// The level whose decisions the user takes (an administrator takes the county's).
    static func decidingLevel(_ user: User) -> AreaLevel? {
        guard user.can(.approveChanges) else { return nil }
        return user.role.areaLevel ?? .county
    }

    /// One request within the actor's area.
    public static func show(_ id: ChangeRequest.ID, in ctx: ServiceContext) async throws -> Shown {
        try ctx.user.require(.readRegistry)
        guard let stored = try await ChangeRequestStore.find(id, scope: ctx.user.scope, on: ctx.db) else { throw Refused.noSuchChangeRequest }
        var probe = stored.request
        let canDecide = (try? probe.approve(by: ctx.user, now: ctx.now)) != nil
        let pending: Bool = { if case .pending = stored.request.state { return true } else { return false } }()
        let actors = try await UserStore.labels(of: stored.request.steps.map(\.actor), on: ctx.db)
        var shown = Shown(stored: stored, canDecide: canDecide, canWithdraw: pending && stored.request.requester == ctx.user.username, actors: actors)
        shown.attachments = try await AttachmentStore.list(.changeRequest(id), on: ctx.db)
        shown.canAttach = pending && (canDecide || stored.request.requester == ctx.user.username)
        shown.uploadLimit = ctx.attachments
        return shown
    }

    /// 上传证明材料 — photos or documents for a pending request, by its requester or a level that decides it;
    /// each written with its audit record, or none when one is refused.
    public static func attach(_ id: ChangeRequest.ID, files: [AttachmentService.Upload], in ctx: ServiceContext) async throws -> FormResult<[Attachment]> {
        let shown = try await show(id, in: ctx)
        guard shown.canAttach else {
            throw Refused(.conflict, "只有申请人或审批层级可在办理中上传证明材料", "only the requester or a deciding level adds papers, while the request is pending")
        }
        switch AttachmentService.check(files, in: ctx) {
        case .failure(let r): return .rejected(FormRejection(faults: [r.field ?? "files": r.message]))
        case .success(let checked) where checked.isEmpty:
            return .rejected(FormRejection(faults: ["files": "请选择要上传的照片或文件 / choose a photo or document to upload"]))
        case .success(let checked):
            let area = shown.stored.request.area
            return .done(try await ctx.transaction { tx in try await AttachmentService.attach(checked, to: .changeRequest(id), area: area, in: tx) })
        }
    }

    /// Takes one step; at the last approval the change is carried out (a newer version of the household
    /// refuses the approval, and nothing is written).
    public static func decide(_ id: ChangeRequest.ID, _ decision: Decision, in ctx: ServiceContext) async throws -> FormResult<ChangeRequest> {
        try ctx.user.require(.readRegistry)
        guard try await ChangeRequestStore.find(id, scope: ctx.user.scope, on: ctx.db) != nil else { throw Refused.noSuchChangeRequest }
        return try await FormResult.catching {
            try await ctx.transaction { tx in
                guard var stored = try await ChangeRequestStore.find(id, scope: tx.user.scope, on: tx.db) else { throw Refused.noSuchChangeRequest }
                let before = stored.request.steps.count
                switch decision {
                case .approve(let note): try stored.request.approve(by: tx.user, note: note, now: tx.now)
                case .giveBack(let reason): try stored.request.giveBack(by: tx.user, reason: reason, now: tx.now)
                case .withdraw: try stored.request.withdraw(by: tx.user, now: tx.now)
                }
                let r = stored.request
                try await ChangeRequestStore.update(id, r, stepsBefore: before, now: tx.now, on: tx.db)
                try await tx.record(ChangeEvent.decided(id, r.steps.last!, area: r.area, household: stored.householdID))
                if r.state == .approved, stored.householdID != nil || r.kind == .newHousehold {
                    let proposed = try await ChangeRequestStore.proposed(id, on: tx.db)
                    _ = try await carryOut(r.kind, proposed, household: stored.householdID, baseVersion: stored.baseVersion,
                                           reason: "变更申请 #\(id) 审批通过", in: tx)
                }
                return r
            }
        }
    }

    /// Files a request made through the domain (`ChangeRequest.submit`); one that needs no approval is
    /// carried out at once, in the same transaction.
    static func file(_ r: ChangeRequest, household: Household.ID?, baseVersion: Int, proposed: Household,
                     in ctx: ServiceContext) async throws -> SavedChange {
        try await ctx.transaction { tx in
            let id = try await ChangeRequestStore.insert(r, householdID: household, baseVersion: baseVersion, proposed: proposed, now: tx.now, on: tx.db)
            try await tx.record(ChangeEvent.submitted(id, r, household: household))
            guard r.state == .approved else { return SavedChange(request: id, applied: false, household: household) }
            let written = try await carryOut(r.kind, proposed, household: household, baseVersion: baseVersion, reason: "变更申请 #\(id)", in: tx)
            return SavedChange(request: id, applied: true, household: written)
        }
    }

    /// Carries out an approved change: a new household is entered, a removal deletes the household, every
    /// other kind writes the proposed household over the version the request was made against. Returns the
    /// household written (nil after a removal).
    static func carryOut(_ kind: ChangeKind, _ proposed: Household, household: Household.ID?, baseVersion: Int, reason: String,
                         in tx: ServiceContext) async throws -> Household.ID? {
        guard let id = household else {
            let id = try await HouseholdEditor.create(proposed, now: tx.now, on: tx.db)
            try await tx.record(HouseholdEvent.created(id, proposed, reason: reason))
            return id
        }
        if kind == .removal {
            let removed = try await HouseholdEditor.remove(id: id, expectedVersion: baseVersion, on: tx.db)
            try await tx.record(HouseholdEvent.removed(id, removed, reason: reason))
            return nil
        }
        let before = try await HouseholdEditor.apply(proposed, id: id, expectedVersion: baseVersion, now: tx.now, on: tx.db)
        let diff = HouseholdDiff.changes(from: before, to: proposed)
        try await tx.record(HouseholdEvent.edited(id, area: proposed.villageCode, before: diff.before, after: diff.after, reason: reason))
        return id
    }
}
