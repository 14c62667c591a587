import TuopinStore
import Vapor

/// Health and assets, open to everyone.
enum SystemController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("health", use: health)
        routes.get("assets", "app.css", use: stylesheet)
        routes.get("assets", "app.js", use: script)
    }

    struct Health: Content {
        var status: String
        var database: String
        var households: Int
    }

    @Sendable static func health(req: Request) async throws -> Health {
        Health(status: "ok", database: req.application.registryDatabaseKind, households: try await HouseholdStore.count(on: req.db))
    }

    /// The one script: the print buttons (inline scripts are forbidden by the Content-Security-Policy).
    static let scriptText = """
        document.querySelectorAll('button.print-button').forEach(function (b) {
          b.addEventListener('click', function () { window.print(); });
        });
        document.querySelectorAll('button[data-confirm]').forEach(function (b) {
          b.addEventListener('click', function (e) { if (!window.confirm(b.getAttribute('data-confirm'))) { e.preventDefault(); } });
        });
        """

    @Sendable static func script(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/javascript; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: scriptText))
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
}
