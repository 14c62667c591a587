import SQLKit
import TuopinStore
import Vapor

/// Health and assets.
enum SystemController {
    struct Health: Content {
        var status: String
        var database: String
        var households: Int
    }

    @Sendable static func health(req: Request) async throws -> Health {
        let row = try await (req.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM households").first()
        return Health(status: "ok", database: req.application.registryDatabaseKind, households: try row?.decode(column: "n", as: Int.self) ?? 0)
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
}
