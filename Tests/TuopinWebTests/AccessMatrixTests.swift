import Foundation
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// Every route and API endpoint, walked by a user of each role, against an in-scope household
/// (H0001 in village 451224100201, id 1) and an out-of-area one (H0003 in township 451224101, id 3).
/// A route outside a user's scope answers 404, exactly as if the record did not exist.
@Suite struct AccessMatrixTests {
    /// role → may see (in-area household, out-of-area household)
    static let expected: [String: (inArea: Bool, outOfArea: Bool)] = [
        "admin": (true, true), "county": (true, true), "township": (true, false), "village": (true, false),
        "cadre": (false, false), "inspector": (true, true), "leader": (true, false), "evaluator": (false, false),
    ]

    static let inAreaRoutes = ["households/1", "areas/451224100201", "api/v1/households/1", "api/v1/areas/451224100201",
                               "api/v1/areas/451224100201/households"]
    static let outOfAreaRoutes = ["households/3", "areas/451224101201", "areas/451224101", "api/v1/households/3",
                                  "api/v1/areas/451224101201", "api/v1/areas/451224101/households"]

    @Test func every_role_sees_exactly_its_scope() async throws {
        try await WebHarness.withLoadedApp { app in
            for (user, may) in Self.expected.sorted(by: { $0.key < $1.key }) {
                let session = try await WebHarness.signIn(app, as: user)
                #expect(!session.cookie.isEmpty, "\(user) could not sign in")
                for (routes, allowed) in [(Self.inAreaRoutes, may.inArea), (Self.outOfAreaRoutes, may.outOfArea)] {
                    for route in routes {
                        try await app.testing().test(.GET, route, headers: WebHarness.headers(session)) { res async in
                            #expect(res.status == (allowed ? .ok : .notFound), "\(user) GET /\(route) → \(res.status.code)")
                            if !allowed { #expect(!res.body.string.contains("H0003") && !res.body.string.contains("韦国强")) }
                        }
                    }
                }
                // Lists never leak: the out-of-area household appears in no list the user can read.
                try await app.testing().test(.GET, "api/v1/areas", headers: WebHarness.headers(session)) { res async in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("451224101000") == may.outOfArea, "\(user) area tree")
                }
            }
        }
    }

    /// 帮扶干部 (issue #14): once paired, exactly their households — their pages and API records — and no area.
    @Test func a_paired_cadre_sees_exactly_the_paired_households() async throws {
        try await WebHarness.withLoadedApp { app in
            try await ResponsibilityFlowTests.load(app)   // pairs the `cadre` account's cadre with H0001 and H0002
            let session = try await WebHarness.signIn(app, as: "cadre")
            for route in ["households/1", "api/v1/households/1", "households/2"] {
                try await app.testing().test(.GET, route, headers: WebHarness.headers(session)) { res async in
                    #expect(res.status == .ok, "cadre GET /\(route) → \(res.status.code)")
                }
            }
            for route in Self.outOfAreaRoutes + ["areas/451224100201", "api/v1/areas/451224100201/households"] {
                try await app.testing().test(.GET, route, headers: WebHarness.headers(session)) { res async in
                    #expect(res.status == .notFound, "cadre GET /\(route) → \(res.status.code)")
                }
            }
        }
    }

    @Test func without_a_session_pages_redirect_and_the_api_refuses() async throws {
        try await WebHarness.withLoadedApp { app in
            for route in Self.inAreaRoutes + ["areas", "api/v1/areas"] {
                try await app.testing().test(.GET, route) { res async in
                    if route.hasPrefix("api/") {
                        #expect(res.status == .unauthorized)
                    } else {
                        #expect(res.status == .seeOther)
                        #expect(res.headers.first(name: .location)?.hasPrefix("/login") == true)
                    }
                }
            }
        }
    }
}
