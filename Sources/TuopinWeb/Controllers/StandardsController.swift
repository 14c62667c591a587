import Foundation
import Vapor

/// 扶贫标准 — the standards in force, for everyone signed in.
enum StandardsController {
    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.require(.readRegistry)
        let custom = ProcessInfo.processInfo.environment["TUOPIN_STANDARDS"].map { !$0.isEmpty } ?? false
        return .html(StandardsView.render(req.application.webSettings.standards, custom: custom, chrome: req.chrome))
    }
}
