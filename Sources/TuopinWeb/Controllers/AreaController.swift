import Fluent
import TuopinDomain
import TuopinStore
import Vapor

/// The area tree and area pages, within the viewer's scope.
enum AreaController {
    @Sendable static func index(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let roots = try await AreaSummaryQuery.tree(scope: viewer.scope, on: req.db)
        return .html(AreaTreeView.render(.init(roots: roots, scopeIsEmpty: viewer.scope == .nothing), chrome: req.chrome))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let code = try req.areaCode()
        let (filter, page, per) = try req.householdFilter(area: code)
        var model = try await query(code: code, filter: filter, page: page, perPage: per, scope: viewer.scope, on: req.db)
        model.canExport = viewer.user.can(.exportPersonalData)
        model.canEdit = viewer.user.can(.editRegistry)
        let standards = req.application.webSettings.standards
        let year = min(req.today.year, standards.lines.keys.max() ?? req.today.year)
        model.indicatorYear = year
        let villages = try await VillageStore.villages(under: code, year: year, standards: standards, on: req.db)
        model.incidence = VillageStore.incidence(of: code, rows: villages,
                                                 threshold: code.level == .county ? standards.countyIncidence : standards.villageIncidence,
                                                 standards: standards)
        if code.level == .village {
            model.village = villages.first { $0.code == code }
            if viewer.user.can(.planTargets) { model.profileCSRF = viewer.csrfToken }
        }
        if code.level < .village {
            model.targets = try await TargetStore.progress(of: code, year: year, standards: nil, on: req.db).total
        }
        return .html(AreaShowView.render(model, chrome: req.chrome))
    }

    /// The page's data: lineage, counts and one page of households; 404 outside the scope.
    static func query(code: AreaCode, filter: HouseholdFilter, page: Int, perPage: Int, scope: AccessScope, on db: any Database) async throws -> AreaShowView.Model {
        guard scope.includes(code) else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        async let lineage = AreaStore.lineage(code, on: db)
        async let households = HouseholdListQuery.page(filter, scope: scope, page: page, perPage: perPage, on: db)
        let summary = try await AreaSummaryQuery.summary(of: code, scope: scope, on: db)
        let areas = try await lineage
        guard let area = areas.last, area.code == code else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let node = summary ?? AreaNode(area: area, counts: AreaCounts())
        return AreaShowView.Model(lineage: areas, node: AreaNode(area: area, counts: node.counts, children: node.children),
                                  filter: filter, page: try await households)
    }
}
