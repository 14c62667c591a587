import TuopinServices
import Vapor

/// 扶贫标准 — the standards in force, for everyone signed in.
enum StandardsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("standards", use: show)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let standards = try StandardsService.inForce(in: try req.context)
        return .html(StandardsView.render(standards, custom: req.application.webSettings.standardsFile != nil, chrome: req.chrome))
    }
}
