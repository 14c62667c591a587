import Vapor

/// 扶贫标准 — the standards in force, for everyone signed in.
enum StandardsController {
    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.require(.readRegistry)
        let settings = req.application.webSettings
        return .html(StandardsView.render(settings.standards, custom: settings.standardsFile != nil, chrome: req.chrome))
    }
}
