import Foundation
import Testing
import TuopinTestSupport
import TuopinWeb
import Vapor
import VaporTesting

/// No input ends the server or answers a server error (issue #13 A: one GET with a huge page number trapped
/// the process). Every registered route is walked — new routes are covered without being listed here — with
/// extreme and malformed values of every path parameter, every query parameter a page reads, and every
/// field a form posts.
@Suite struct HostileInputTests {
    static let hostile = ["4611686018427387904", "-9223372036854775808", "99999999999999999999", "-1", "1e309", "",
                          String(repeating: "9", count: 400), "１２", "2016\u{0}", "'; DROP TABLE households;--"]
    static let queryKeys = ["page", "per", "year", "exit_year", "saved", "status", "type", "cause", "q", "category", "only", "outcome",
                            "item", "income", "households", "waiting", "village", "next", "actor", "area", "entity", "entity_id", "action",
                            "from", "to"]
    static let formKeys = ["version", "year", "exit_year", "reason", "h_451224000000", "p_451224000000", "y_451224000000", "population",
                           "is_poor_village", "step", "date", "note", "kind", "amount", "role", "area", "username", "name", "unit",
                           "password", "new_password", "m0_name", "m0_id", "household_no", "income_year", "wage", "next"]
    static let valid = ["code": "451224", "id": "1", "username": "township", "action": "disable", "format": "csv", "n": "1"]

    static func encoded(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The route's path with `values` for its parameters (valid ones for the rest).
    static func path(_ route: Route, _ values: [String: String] = [:]) -> String {
        route.path.map { c -> String in
            switch c {
            case .constant(let s): s
            case .parameter(let name): encoded(values[name] ?? valid[name] ?? "1")
            default: "x"
            }
        }.joined(separator: "/")
    }

    static func parameters(_ route: Route) -> [String] {
        route.path.compactMap { if case .parameter(let n) = $0 { n } else { nil } }
    }

    /// Parsing does not depend on the database, so the walk (about 6,000 requests) runs on SQLite only.
    @Test func no_value_of_any_parameter_answers_a_server_error() async throws {
        let (url, drop) = try await TestDatabase.make(.sqlite)
        defer { Task { await drop() } }
        try await WebHarness.withLoadedApp(url) { app in
            let session = try await WebHarness.signIn(app, as: "county")
            var failures: [String] = []
            var sent = 0
            func send(_ method: HTTPMethod, _ uri: String, form: [String: String]? = nil) async throws {
                sent += 1
                if let form {
                    let answer = try await WebHarness.post(app, uri, session, form)
                    if answer.status.code >= 500 { failures.append("POST \(uri) \(form.values.first ?? "") → \(answer.status.code)") }
                } else {
                    try await app.testing().test(method, uri, headers: WebHarness.headers(session)) { res async in
                        if res.status.code >= 500 { failures.append("\(method) \(uri) → \(res.status.code)") }
                    }
                }
            }
            let routes = app.routes.all.filter { r in
                let first = r.path.first.map { "\($0)" } ?? ""
                return first != "assets" && first != "logout" && first != "health"
            }
            #expect(routes.count >= 40, "routes walked: \(routes.count)")
            for route in routes where route.method == .GET {
                for name in Self.parameters(route) {
                    for value in Self.hostile { try await send(.GET, Self.path(route, [name: value])) }
                }
                let base = Self.path(route)
                for key in Self.queryKeys {
                    for value in Self.hostile.prefix(6) + Self.hostile.suffix(2) { try await send(.GET, base + "?\(key)=\(Self.encoded(value))") }
                }
            }
            for route in routes where route.method == .POST {
                for name in Self.parameters(route) {
                    for value in Self.hostile { try await send(.POST, Self.path(route, [name: value]), form: ["reason": "x"]) }
                }
                for value in Self.hostile {
                    try await send(.POST, Self.path(route), form: Dictionary(uniqueKeysWithValues: Self.formKeys.map { ($0, value) }))
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(20))")
            #expect(sent > 3000, "requests sent: \(sent)")
        }
    }

    @Test func a_page_number_past_any_list_is_refused_naming_the_parameter() async throws {
        try await WebHarness.withLoadedApp { app in
            let session = try await WebHarness.signIn(app, as: "county")
            for uri in ["areas/451224?page=4611686018427387904", "api/v1/areas/451224/households?page=4611686018427387904",
                        "audit?page=4611686018427387904", "areas/451224/verdicts?year=2016&page=4611686018427387904",
                        "areas/451224/monitoring?year=2016&page=4611686018427387904"] {
                try await app.testing().test(.GET, uri, headers: WebHarness.headers(session)) { res async in
                    #expect(res.status == .badRequest, "\(uri)")
                    #expect(res.body.string.contains("page"), "\(uri) names the parameter")
                }
            }
        }
    }
}
