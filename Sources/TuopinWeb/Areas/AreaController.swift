import Fluent
import TuopinDomain
import TuopinStore
import Vapor

/// The area tree and area pages, within the viewer's scope.
enum AreaController {
    @Sendable static func index(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let roots = try await req.current("tree:\(viewer.scope)") { try await AreaSummaryQuery.tree(scope: viewer.scope, on: req.db) }
        return .html(AreaTreeView.render(.init(roots: roots, scopeIsEmpty: viewer.scope == .nothing), chrome: req.chrome))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let code = try req.areaCode()
        let (filter, page, per) = try req.householdFilter(area: code)
        var model = try await query(code: code, filter: filter, page: page, perPage: per, scope: viewer.scope, req: req)
        model.canExport = viewer.user.can(.exportPersonalData)
        model.canEdit = viewer.user.can(.editRegistry)
        let standards = req.application.webSettings.standards
        let year = min(req.today.year, standards.lines.keys.max() ?? req.today.year)
        model.indicatorYear = year
        let villages = try await req.current("villages:\(code.value):\(year)") {
            try await VillageStore.villages(under: code, year: year, standards: standards, on: req.db)
        }
        model.incidence = VillageStore.incidence(of: code, rows: villages,
                                                 threshold: code.level == .county ? standards.countyIncidence : standards.villageIncidence,
                                                 standards: standards)
        if code.level == .village {
            model.village = villages.first { $0.code == code }
            if viewer.user.can(.planTargets) { model.profileCSRF = viewer.csrfToken }
        }
        if code.level < .village {
            model.targets = try await req.current("targets:\(code.value):\(year)") {
                try await TargetStore.progress(of: code, year: year, standards: nil, on: req.db).total
            }
        }
        return .html(AreaShowView.render(model, chrome: req.chrome))
    }

    /// The page's data: lineage, counts and one page of households; 404 outside the scope. Each part is
    /// kept until the registry changes (`CurrentReadCache`).
    static func query(code: AreaCode, filter: HouseholdFilter, page: Int, perPage: Int, scope: AccessScope, req: Request) async throws -> AreaShowView.Model {
        guard scope.includes(code) else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let db = req.db
        let areas = try await req.current("lineage:\(code.value)") { try await AreaStore.lineage(code, on: db) }
        guard let area = areas.last, area.code == code else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let summary = try await req.current("summary:\(code.value)") { try await AreaSummaryQuery.summary(of: code, scope: scope, on: db) }
        let households = try await req.current("households:\(scope):\(code.value):\(req.url.query ?? "")") {
            try await HouseholdListQuery.page(filter, scope: scope, page: page, perPage: perPage, on: db)
        }
        let node = summary ?? AreaNode(area: area, counts: AreaCounts())
        return AreaShowView.Model(lineage: areas, node: AreaNode(area: area, counts: node.counts, children: node.children),
                                  filter: filter, page: households)
    }
}
