import TuopinDomain
import TuopinServices
import Vapor

/// The household page: whole ID numbers only for roles that may see them (each such view recorded).
enum HouseholdController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("households", ":id", use: show)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req: req)
    }

    /// The household page; with a draft, the hardship form sent back with its faults.
    static func page(req: Request, hardshipDraft: HouseholdMonitoringSection.Draft? = nil, planDraft: HouseholdPlanSection.Draft? = nil,
                     helperDraft: HouseholdHelpSection.Draft? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let p = try await HouseholdService.page(try req.householdID(), year: try req.yearParameter(), in: ctx)
        let csrf = req.viewer?.csrfToken
        var model = HouseholdShowView.Model(detail: p.detail, lineage: p.lineage, today: ctx.today, showFullIdentity: p.fullIdentity,
                                            history: p.history, canEdit: ctx.user.can(.editRegistry), csrf: csrf, verdict: p.verdict,
                                            verdictYears: p.verdictYears, standards: ctx.standards)
        model.hardships = p.hardships
        model.identityHeldBack = p.identityHeldBack
        model.historyNames = p.historyNames
        model.monitoring = p.monitoring
        model.canRunProcedures = ctx.user.can(.runProcedures)
        model.procedures = .init(householdID: p.detail.id, procedures: p.procedures, history: p.statusHistory, startable: p.startable,
                                 role: ctx.user.role, csrf: csrf, today: ctx.today)
        model.hardshipDraft = hardshipDraft
        let help = try await ResponsibilityService.household(p.detail.id, in: ctx)
        model.help = HouseholdHelpSection.render(pairings: help.pairings, visits: help.visits, showPhones: p.fullIdentity,
                                                 pairForm: ctx.user.can(.manageResponsibility) ? (p.detail.id, csrf ?? "", ctx.today, helperDraft) : nil)
        model.plan = HouseholdPlanSection.render(householdID: p.detail.id, missing: p.verdict?.missing ?? [], year: p.verdict?.year,
                                                 measures: try await ResponsibilityService.plan(of: p.detail.id, in: ctx),
                                                 mayPlan: try await ResponsibilityService.mayPlan(p.detail.id, in: ctx), csrf: csrf, today: ctx.today,
                                                 draft: planDraft)
        model.ledger = HouseholdLedgerSection.render(try await BenefitsService.ledger(p.detail.id, in: ctx),
                                                     names: Dictionary(p.detail.household.members.map { ($0.id.number, $0.name) }, uniquingKeysWith: { a, _ in a }))
        model.problems = ProblemListSection.render(try await SupervisionService.problems(ofHousehold: p.detail.id, in: ctx), today: ctx.today,
                                                   id: "household-problems", title: "督查发现的问题", empty: "没有涉及本户的督查问题。")
        model.flags = HouseholdFlagsSection.render(try await MatchService.flags(of: p.detail.id, p.detail.household, in: ctx),
                                                   county: p.detail.household.villageCode.ancestor(at: .county))
        return .html(HouseholdShowView.render(model, chrome: req.chrome), status: status)
    }
}
