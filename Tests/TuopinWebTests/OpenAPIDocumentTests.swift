import Foundation
import Testing
import TuopinDomain
import TuopinWeb
import Vapor
import VaporTesting

/// The OpenAPI document served at /api/v1/openapi.json names exactly the API's routes, and its lists of
/// allowed values are the domain's.
@Suite struct OpenAPIDocumentTests {
    func document(_ app: Application) async throws -> [String: Any] {
        var json: [String: Any] = [:]
        try await app.testing().test(.GET, "api/v1/openapi.json") { res async in
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.subType == "json")
            json = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]) ?? [:]
        }
        return json
    }

    @Test func the_document_names_every_api_route_and_no_other() async throws {
        try await WebHarness.withLoadedApp { app in
            let doc = try await document(app)
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, methods) in paths {
                for method in methods.keys {
                    let vapor = path.split(separator: "/").map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/")
                    documented.insert("\(method.uppercased()) /\(vapor)")
                }
            }
            let served = Set(app.routes.all.map { r in "\(r.method.rawValue) /" + r.path.map(\.description).joined(separator: "/") }
                .filter { $0.contains(" /api/") || $0.hasSuffix(" /health") }.filter { !$0.hasSuffix("openapi.json") })
            #expect(documented == served)
        }
    }

    @Test func the_allowed_values_are_the_domains() async throws {
        try await WebHarness.withLoadedApp { app in
            let doc = try await document(app)
            let paths = try #require(doc["paths"] as? [String: [String: [String: Any]]])
            let parameters = try #require(paths["/api/v1/areas/{code}/households"]?["get"]?["parameters"] as? [[String: Any]])
            func values(_ name: String) -> [String] {
                let p = parameters.first { $0["name"] as? String == name }
                return ((p?["schema"] as? [String: Any])?["enum"] as? [String]) ?? []
            }
            #expect(values("status") == HouseholdStatus.allCases.map(\.rawValue))
            #expect(values("type") == HouseholdType.allCases.map(\.rawValue))
            #expect(values("cause") == PovertyCause.allCases.map(\.rawValue))
        }
    }

    @Test func a_method_a_path_does_not_take_answers_405_with_the_ones_it_does() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.DELETE, "health") { res async in
                #expect(res.status == .methodNotAllowed)
                #expect(res.headers.first(name: .allow) == "GET, HEAD")
            }
            try await app.testing().test(.POST, "api/v1/areas") { res async in
                #expect(res.status == .methodNotAllowed)
            }
            // A refusal of a route that exists stays what it is.
            let session = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "households/new", headers: WebHarness.headers(session)) { res async in
                #expect(res.status == .notFound)
            }
        }
    }
}
