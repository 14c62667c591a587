import FluentKit
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 建档立卡户 — reading a household (the page, the API) and entering, editing or removing one. Edits are
/// checked by the importer's own row rules; for village and township users they become change requests
/// for the levels above (`ChangeService`).
public enum HouseholdService {
    /// A household within the actor's sight; one outside it looks like one that does not exist.
    public static func find(_ id: Household.ID, in ctx: ServiceContext) async throws -> HouseholdDetail {
        try ctx.user.require(.readRegistry)
        if let detail = try await HouseholdStore.find(id, scope: ctx.user.scope, on: ctx.db) { return detail }
        // 帮扶干部 see exactly the households they are paired with today (docs/ROLES.md), whatever their area.
        if ctx.user.role == .cadre, try await ResponsibilityService.isPaired(id, on: ctx.today, in: ctx),
           let detail = try await HouseholdStore.find(id, scope: .everything, on: ctx.db) {
            return detail
        }
        // 第三方评估 see exactly the households sampled by an open evaluation whose team lists them.
        if ctx.user.role == .evaluator, try await EvaluationStore.sampledFor(ctx.user.username, household: id, on: ctx.db),
           let detail = try await HouseholdStore.find(id, scope: .everything, on: ctx.db) {
            return detail
        }
        throw Refused.noSuchHousehold
    }

    /// A household to edit (the edit form).
    public static func forEditing(_ id: Household.ID, in ctx: ServiceContext) async throws -> HouseholdDetail {
        try ctx.user.require(.editRegistry)
        return try await find(id, in: ctx)
    }

    /// The village a new household may be entered in (the new-household form).
    public static func villageForNewHousehold(_ village: AreaCode?, in ctx: ServiceContext) throws -> AreaCode {
        try ctx.user.require(.editRegistry)
        guard let village, village.level == .village, ctx.user.scope.includes(village) else {
            throw Refused.notFound("请从本人辖区内的村页面新增贫困户", "add a household from the page of a village in your area")
        }
        return village
    }

    /// A household as the API shows it; viewing whole ID numbers is recorded. While an import writes, the
    /// record of the view would wait for the import's commit: the numbers are then shown masked, at once
    /// (`heldBack`), and whole again once the import has finished.
    public static func detail(_ id: Household.ID, in ctx: ServiceContext) async throws -> (detail: HouseholdDetail, fullIdentity: Bool, heldBack: Bool) {
        let detail = try await find(id, in: ctx)
        guard ctx.user.can(.viewFullIdentity) else { return (detail, false, false) }
        if try await identityViewRecordedToday(detail, in: ctx) { return (detail, true, false) }
        if try await ImportLock.isHeld(ctx.registryFile, on: ctx.db) { return (detail, false, true) }
        try await recordIdentityView(detail, in: ctx)
        return (detail, true, false)
    }

    /// The household page: the household and, read side by side, where it lies, its history, hardships and
    /// procedures; the exit test and monitoring finding for `year` (default: the latest year with an income
    /// and a poverty line).
    public static func page(_ id: Household.ID, year requested: Int?, in ctx: ServiceContext) async throws -> HouseholdPage {
        let (detail, full, heldBack) = try await self.detail(id, in: ctx)
        let standards = ctx.standards
        let years = detail.household.incomes.map(\.year).filter { standards.line(for: $0) != nil }.sorted()
        let year = try requested.map { try StandardsYear.check($0, in: ctx) } ?? years.last ?? standards.lines.keys.max()
        let db = ctx.db, scope = ctx.user.scope
        async let lineage = AreaStore.lineage(detail.household.villageCode, on: db)
        async let history = AuditQuery.search(.init(entity: AuditEntity.household.rawValue, entityID: id.description), scope: scope,
                                              page: 1, perPage: 50, on: db)
        async let hardships = MonitoringStore.hardships(under: nil, householdIDs: [id], on: db)
        async let procedures = ProcedureStore.list(householdID: id, on: db)
        async let statusHistory = ProcedureStore.history(householdID: id, on: db)
        async let monitored = ProcedureStore.isMonitored(id, on: db)
        let h = detail.household
        let recorded = try await hardships[id] ?? []
        let open = Set(try await procedures.filter { !$0.procedure.isFinished }.map(\.procedure.kind))
        let isMonitored = try await monitored
        let startable = ProcedureKind.allCases.filter { !open.contains($0) && $0.refusal(exited: h.exitYear != nil, monitored: isMonitored) == nil }
        let records = try await history.items
        return HouseholdPage(detail: detail, lineage: try await lineage, history: records,
                             historyNames: try await AuditNames.load(for: records, on: db), fullIdentity: full, identityHeldBack: heldBack,
                             verdict: year.map { HouseholdExitTest.evaluate(h, year: $0, standard: standards) }, verdictYears: years,
                             hardships: recorded,
                             monitoring: year.flatMap { MonitoringCheck.evaluate(h, year: $0, hardships: recorded, standard: standards) },
                             procedures: try await procedures, statusHistory: try await statusHistory, startable: startable)
    }

    /// Viewing whole ID numbers and phones is recorded (who saw whose, when) once per user, household and
    /// day: the first view of the day writes, later ones only read (issue #19 item 13: every page view wrote,
    /// and under an import those writes queued behind the import's lock).
    static func recordIdentityView(_ d: HouseholdDetail, in ctx: ServiceContext) async throws {
        try await ctx.transaction { tx in
            try await tx.record(HouseholdEvent.identityViewed(d.id, area: d.household.villageCode))
        }
    }

    /// Whether the user's view of this household's whole IDs is already recorded today (a read only, which
    /// does not wait for an import).
    static func identityViewRecordedToday(_ d: HouseholdDetail, in ctx: ServiceContext) async throws -> Bool {
        let seen = AuditQuery.Filter(actor: ctx.user.username, entity: AuditEntity.household.rawValue, entityID: d.id.description,
                                     action: HouseholdEvent.Action.identityView.rawValue, from: Calendar.current.startOfDay(for: ctx.now))
        return try await AuditQuery.exists(seen, on: ctx.db)
    }

    /// 修改户信息 — an edit of a household's fields and members (a move within the editor's county and area
    /// included). Nothing changed: `.done(nil)`.
    public static func edit(_ id: Household.ID, _ form: HouseholdForm, in ctx: ServiceContext) async throws -> FormResult<SavedChange?> {
        try ctx.user.require(.editRegistry)
        let detail = try await find(id, in: ctx)
        let checked = HouseholdFieldCheck.check(form.values, members: form.members, current: detail.household, incomes: form.incomes,
                                                options: ctx.readOptions)
        var faults = checked.faults
        if form.reason.isEmpty { faults["reason"] = "请写明修改原因 / give the reason for the change" }
        if let village = AreaCode(form.values[.villageCode] ?? ""),
           !ctx.user.scope.includes(village) || village.countyPart != detail.household.villageCode.countyPart {
            faults[ExchangeColumn.villageCode.key] = "只能迁到本人辖区内、本县的村 / a household may move only to a village of this county within your area"
        }
        guard faults.isEmpty, let edited = checked.household else { return .rejected(FormRejection(faults: faults)) }
        if let fault = try await memberElsewhere(edited, household: id, in: ctx) { return .rejected(fault) }
        let diff = HouseholdDiff.changes(from: detail.household, to: edited)
        guard !diff.after.isEmpty else { return .done(nil) }
        if form.version != detail.version {
            let what = diff.before.keys.sorted().map { "\($0)：现为“\(diff.before[$0] ?? "")”" }.joined(separator: "；")
            return .rejected(FormRejection(message: "此户已被他人修改为第\(detail.version)版，您的修改未保存（\(what)）。请核对后重新提交 / someone saved a newer version; your input is kept below",
                                           kind: .conflict))
        }
        let memberChange = Set(detail.household.members.map(\.id.number)) != Set(edited.members.map(\.id.number))
        let onlyIncomes = diff.after.keys.allSatisfy(HouseholdDiff.isIncomeKey) && diff.before.keys.allSatisfy(HouseholdDiff.isIncomeKey)
        let kind: ChangeKind = detail.household.exitYear == nil && edited.exitYear != nil ? .exit
            : memberChange ? .memberChange : onlyIncomes ? .incomeCorrection : .householdEdit
        return try await FormResult.catching {
            let request = try ChangeRequest.submit(kind: kind, area: detail.household.villageCode, by: ctx.user, reason: form.reason,
                                                   attachments: form.attachments, before: diff.before, after: diff.after,
                                                   policy: ctx.approvals, now: ctx.now)
            return try await ChangeService.file(request, household: id, baseVersion: form.version, proposed: edited, in: ctx)
        }
    }

    /// 新增贫困户 — a new household in a village within the actor's area.
    public static func create(in village: AreaCode, _ form: HouseholdForm, in ctx: ServiceContext) async throws -> FormResult<SavedChange> {
        try ctx.user.require(.editRegistry)
        guard village.level == .village, ctx.user.scope.includes(village) else {
            throw Refused.notFound("村代码不在本人辖区内", "the village is not in your area")
        }
        let checked = HouseholdFieldCheck.check(form.values, members: form.members, current: blank(village), incomes: form.incomes,
                                                options: ctx.readOptions)
        var faults = checked.faults
        if form.reason.isEmpty { faults["reason"] = "请写明新增原因（如新识别、返贫） / give the reason (new identification, return to poverty)" }
        guard faults.isEmpty, let household = checked.household else { return .rejected(FormRejection(faults: faults)) }
        if let fault = try await memberElsewhere(household, household: nil, in: ctx) { return .rejected(fault) }
        return try await FormResult.catching {
            let request = try ChangeRequest.submit(kind: .newHousehold, area: village, by: ctx.user, reason: form.reason,
                                                   attachments: form.attachments, before: [:], after: HouseholdDiff.everything(household),
                                                   policy: ctx.approvals, now: ctx.now)
            return try await ChangeService.file(request, household: nil, baseVersion: 0, proposed: household, in: ctx)
        }
    }

    /// 删除 — a request to remove a household (错评剔除, 自然销户), approved like any other change.
    public static func remove(_ id: Household.ID, reason: String, in ctx: ServiceContext) async throws -> (saved: SavedChange, village: AreaCode) {
        try ctx.user.require(.editRegistry)
        let detail = try await find(id, in: ctx)
        guard !reason.isEmpty else { throw Refused(.invalid, "申请删除须写明原因（如错评剔除、自然销户）", "a removal needs a reason", field: "reason") }
        let h = detail.household
        let request = try ChangeRequest.submit(kind: .removal, area: h.villageCode, by: ctx.user, reason: reason,
                                               before: ["户编号": h.number, "户主": h.head?.name ?? "", "人口": String(h.members.count),
                                                        "村代码": h.villageCode.value],
                                               after: ["户编号": "（删除）"], policy: ctx.approvals, now: ctx.now)
        let saved = try await ChangeService.file(request, household: id, baseVersion: detail.version, proposed: h, in: ctx)
        return (saved, h.villageCode)
    }

    /// An empty household in a village: what a new household's form starts from.
    public static func blank(_ village: AreaCode) -> Household {
        Household(number: "", villageCode: village, type: .ordinary, mainCause: .illness, identifiedYear: 2014)
    }

    /// A member's ID already registered in another household, as a fault at that member's row.
    static func memberElsewhere(_ h: Household, household id: Household.ID?, in ctx: ServiceContext) async throws -> FormRejection? {
        guard let (number, other) = try await HouseholdEditor.foreignMembers(h.members.map(\.id.number), householdID: id, on: ctx.db).first else {
            return nil
        }
        let row = h.members.firstIndex { $0.id.number == number } ?? 0
        return FormRejection(faults: ["m\(row)_\(ExchangeColumn.idNumber.key)": "证件号码已登记在户编号\(other)：一人只能在一户 / already registered in household \(other)"])
    }
}
