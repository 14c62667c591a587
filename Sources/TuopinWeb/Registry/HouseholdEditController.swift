import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import Vapor

/// Editing a household — its own fields, its members (edit, add, remove) and its village — and entering a
/// new one; for village and township users the save becomes a change request for the levels above.
enum HouseholdEditController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("households", "new", use: newForm)
        routes.post("households", "new", use: create)
        routes.get("households", ":id", "edit", use: form)
        routes.post("households", ":id", "edit", use: save)
        routes.post("households", ":id", "remove", use: remove)
    }

    /// Blank member rows on the new-household form.
    static let newRows = 6

    @Sendable static func form(req: Request) async throws -> Response {
        let ctx = try req.context
        let detail = try await HouseholdService.forEditing(try req.householdID(), in: ctx)
        let h = detail.household
        let rows = h.members.map { HouseholdEditView.MemberRow(values: HouseholdFieldCheck.values(of: $0, in: h)) } + [HouseholdEditView.MemberRow(values: [:])]
        var m = model(detail, req, ctx, kind: .householdEdit, values: HouseholdEditView.values(of: h), members: rows, version: detail.version)
        m.incomes = HouseholdEditView.incomeRows(h)
        return .html(HouseholdEditView.render(m, chrome: req.chrome))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let ctx = try req.context
        let id = try req.householdID()
        let detail = try await HouseholdService.forEditing(id, in: ctx)
        let posted = PostedHousehold(req, columns: HouseholdEditView.editable, existing: detail.household.members.count, newRows: 1)
        switch try await HouseholdService.edit(id, posted.form(version: Int(req.formText("version")) ?? -1), in: ctx) {
        case .done(let saved):
            guard let saved, !saved.applied else { return req.redirect(to: "/households/\(id)") }
            return req.redirect(to: "/changes/\(saved.request)")
        case .rejected(let r):
            var m = model(detail, req, ctx, kind: .householdEdit, values: posted.values, members: posted.rows, version: Int(req.formText("version")) ?? -1,
                          posted: posted, rejection: r)
            m.incomes = posted.incomes
            return .html(HouseholdEditView.render(m, chrome: req.chrome), rejected: r.kind)
        }
    }

    /// 删除 — a request to remove the household (错评剔除, 自然销户), approved like any other change.
    @Sendable static func remove(req: Request) async throws -> Response {
        let (saved, village) = try await HouseholdService.remove(try req.householdID(), reason: req.formText("reason"), in: try req.context)
        return req.redirect(to: saved.applied ? "/areas/\(village.value)" : "/changes/\(saved.request)")
    }

    /// 新增贫困户 — the form, for a village within the viewer's area.
    @Sendable static func newForm(req: Request) async throws -> Response {
        let ctx = try req.context
        let village = try HouseholdService.villageForNewHousehold(req.query[String.self, at: "village"].flatMap(AreaCode.init), in: ctx)
        let values: [ExchangeColumn: String] = [.villageCode: village.value, .identificationStandard: IdentificationStandard.national.rawValue,
                                                .identifiedYear: String(ctx.today.year), .householdType: HouseholdType.ordinary.rawValue]
        var m = model(blank(village), req, ctx, kind: .newHousehold, values: values,
                      members: Array(repeating: .init(values: [:]), count: newRows), version: 0)
        m.incomes = HouseholdEditView.incomeRows(blank(village).household, blank: 2)
        return .html(HouseholdEditView.render(m, chrome: req.chrome))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let ctx = try req.context
        let posted = PostedHousehold(req, columns: [.householdNo] + HouseholdEditView.editable, existing: 0, newRows: newRows)
        let village = try HouseholdService.villageForNewHousehold(AreaCode(posted.values[.villageCode] ?? ""), in: ctx)
        switch try await HouseholdService.create(in: village, posted.form(version: 0), in: ctx) {
        case .done(let saved):
            return req.redirect(to: saved.applied ? "/areas/\(village.value)" : "/changes/\(saved.request)")
        case .rejected(let r):
            var m = model(blank(village), req, ctx, kind: .newHousehold, values: posted.values, members: posted.rows, version: 0,
                          posted: posted, rejection: r)
            m.incomes = posted.incomes
            return .html(HouseholdEditView.render(m, chrome: req.chrome), rejected: r.kind)
        }
    }

    /// An empty household in a village, for the new-household form.
    static func blank(_ village: AreaCode) -> HouseholdDetail {
        HouseholdDetail(id: Household.ID(0), household: HouseholdService.blank(village), version: 0, updatedAt: Date(), villageName: nil, lastImport: nil)
    }

    /// The form's model: what was typed (or stored), the faults of a rejection at their form rows, and the
    /// levels that must approve a change of this kind by this user.
    static func model(_ d: HouseholdDetail, _ req: Request, _ ctx: ServiceContext, kind: ChangeKind, values: [ExchangeColumn: String],
                      members: [HouseholdEditView.MemberRow], version: Int, posted: PostedHousehold? = nil,
                      rejection: FormRejection? = nil) -> HouseholdEditView.Model {
        var m = HouseholdEditView.Model(detail: d, values: values, members: members, version: version,
                                        reason: posted?.reason ?? "", attachments: posted?.attachmentsText ?? "",
                                        faults: posted.map { p in rejection.map { p.formFaults($0.faults) } ?? [:] } ?? [:],
                                        conflict: rejection?.message, csrf: req.viewer?.csrfToken ?? "",
                                        approvals: ctx.approvals.steps(for: kind, madeAt: ctx.user.role.areaLevel ?? .county))
        m.isNew = kind == .newHousehold
        return m
    }
}
