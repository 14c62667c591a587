import Fluent
import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// The household page, within the viewer's scope; whole ID numbers only for roles that may see
/// them, and each such view is an audit record.
enum HouseholdController {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req: req)
    }

    /// The household page; with a draft, the hardship form sent back with its faults.
    static func page(req: Request, hardshipDraft: HouseholdMonitoringSection.Draft? = nil,
                     status: HTTPStatus = .ok) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let detail = try await query(id: try req.householdID(), scope: viewer.scope, on: req.db)
        let lineage = try await AreaStore.lineage(detail.household.villageCode, on: req.db)
        let full = viewer.user.can(.viewFullIdentity)
        if full { try await recordIdentityView(detail, viewer: viewer, ip: req.clientIP, on: req.db) }
        let history = try await AuditQuery.search(.init(entity: "household", entityID: String(detail.id)), scope: viewer.scope,
                                                  page: 1, perPage: 50, on: req.db)
        // The exit test for the year asked for, or the latest year with both an income record and a line.
        let standards = req.application.webSettings.standards
        let years = detail.household.incomes.map(\.year).filter { standards.line(for: $0) != nil }.sorted()
        let year = try req.standardsYear() ?? years.last ?? standards.lines.keys.max()
        let verdict = year.map { HouseholdExitTest.evaluate(detail.household, year: $0, standard: standards) }
        var model = HouseholdShowView.Model(detail: detail, lineage: lineage, today: req.today, showFullIdentity: full,
                                            history: history.items, canEdit: viewer.user.can(.editRegistry),
                                            csrf: viewer.csrfToken, verdict: verdict, verdictYears: years, standards: standards)
        model.hardships = try await MonitoringStore.hardships(under: nil, householdIDs: [detail.id], on: req.db)[detail.id] ?? []
        model.monitoring = year.flatMap { MonitoringCheck.evaluate(detail.household, year: $0, hardships: model.hardships, standard: standards) }
        model.canRunProcedures = viewer.user.can(.runProcedures)
        let procedures = try await ProcedureStore.list(householdID: detail.id, on: req.db)
        let monitored = try await ProcedureStore.isMonitored(detail.id, on: req.db)
        let open = Set(procedures.filter { !$0.procedure.isFinished }.map(\.procedure.kind))
        let startable = ProcedureKind.allCases.filter { !open.contains($0) && $0.refusal(exited: detail.household.exitYear != nil, monitored: monitored) == nil }
        model.procedures = .init(householdID: detail.id, procedures: procedures, history: try await ProcedureStore.history(householdID: detail.id, on: req.db),
                                 startable: startable, role: viewer.user.role, csrf: viewer.csrfToken, today: req.today)
        model.hardshipDraft = hardshipDraft
        return .html(HouseholdShowView.render(model, chrome: req.chrome), status: status)
    }

    static func query(id: Int64, scope: AccessScope, on db: any Database) async throws -> HouseholdDetail {
        guard let detail = try await HouseholdStore.find(id, scope: scope, on: db) else {
            throw Abort(.notFound, reason: "没有这一户 / no such household")
        }
        return detail
    }

    static func recordIdentityView(_ d: HouseholdDetail, viewer: Viewer, ip: String?, on db: any Database) async throws {
        try await db.transaction { tx in
            try await AuditTrail.append(.init(actor: viewer.user.username, actorRole: viewer.user.role.rawValue, ip: ip,
                                              action: "identity.view", entity: "household", entityID: String(d.id),
                                              areaCode: d.household.villageCode.value,
                                              reason: "查看完整证件号码和电话 / viewed whole ID numbers and phone", at: Date()), on: tx)
        }
    }
}
