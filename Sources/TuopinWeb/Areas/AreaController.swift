import TuopinDomain
import TuopinServices
import Vapor

/// The area tree and area pages.
enum AreaController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get { req in req.redirect(to: "/areas") }
        routes.get("areas", use: index)
        routes.get("areas", ":code", use: show)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let ctx = try req.context
        let roots = try await AreaService.tree(in: ctx)
        return .html(AreaTreeView.render(.init(roots: roots, scopeIsEmpty: ctx.user.scope == .nothing), chrome: req.chrome))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try req.context
        let code = try req.areaCode()
        let (filter, page, per) = try req.householdFilter(area: code)
        let p = try await AreaService.page(code, year: try req.yearParameter(), filter: filter, page: page, perPage: per, in: ctx)
        var model = AreaShowView.Model(lineage: p.lineage, node: p.node, filter: filter, page: p.households,
                                       canExport: ctx.user.can(.exportPersonalData))
        model.canEdit = ctx.user.can(.editRegistry)
        model.indicatorYear = p.year
        model.incidence = p.incidence
        model.village = p.village
        model.targets = p.targets
        model.parts = p.parts
        model.villages = p.villages
        model.years = p.years
        if code.level == .county, let (e, rates) = try await EvaluationService.latestRates(county: code, in: ctx) {
            model.evaluation = .init(id: e.id!.rawValue, title: e.title, rates: rates)
        }
        if code.level != .province, code.level != .prefecture {
            model.quality = try await QualityController.report(req, area: code).findings.count
        }
        if code.level == .county || code.level == .township, ctx.user.can(.readRegistry), ctx.user.role != .evaluator {
            // Open flags (not yet verified) of the page's year, kept until the registry changes.
            let year = p.year
            model.flags = try await req.current("flags:\(code.value):\(year)") {
                let q = try await MatchService.match(year: year, area: code, in: ctx)
                let s = try await MatchService.suspicions(year: year, area: code, in: ctx)
                return q.flags.filter { q.decisions[$0.key] == nil }.count + s.found.filter { q.decisions[$0.key] == nil }.count
            }
        }
        if code.level == .village, ctx.user.can(.planTargets) { model.profileCSRF = req.viewer?.csrfToken }
        return .html(AreaShowView.render(model, chrome: req.chrome))
    }
}
