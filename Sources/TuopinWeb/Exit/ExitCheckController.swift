import TuopinServices
import Vapor

/// 逐户脱贫标准核验 — the exit test over every household under an area, summed by the areas one level down.
enum ExitCheckController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("areas", ":code", "exit", use: show)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let p = try await ExitService.page(try req.areaCode(), year: try req.yearParameter(), in: try req.context)
        return .html(ExitCheckView.render(area: p.lineage.last, lineage: p.lineage, year: p.tally.year, total: p.tally.total, byChild: p.tally.byArea,
                                          names: p.names, chrome: req.chrome))
    }
}
