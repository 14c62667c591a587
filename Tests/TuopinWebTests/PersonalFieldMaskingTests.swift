import Foundation
import Testing
import TuopinDomain
import TuopinTestSupport
import TuopinWeb
import VaporTesting

/// Every role over every place a personal field appears: whole ID numbers and phones only for roles with 查看完整
/// 证件号码, and nowhere else — not in a household's history, a change request, the audit trail or an export
/// (issue #13 item 9: a leader read whole phone numbers in the 变更记录).
@Suite struct PersonalFieldMaskingTests {
    static let places = ["households/1", "households/1/edit", "areas/451224100201", "changes/1", "audit", "audit.csv?entity=household",
                         "api/v1/households/1", "api/v1/areas/451224100201/households", "areas/451224100201/export/csv",
                         "areas/451224100201/verdicts?year=2016&households=all", "areas/451224100201/verdicts.csv?year=2016&households=all",
                         "areas/451224100201/monitoring?year=2016", "search?q=H0001"]
    static let phones = ["13907781234", "13800001111", "13911112222"]

    @Test func only_roles_that_may_see_whole_numbers_see_them_anywhere() async throws {
        try await WebHarness.withLoadedApp { app in
            // A phone changed by the county (in the history and the trail) and another asked by the village (a change request).
            let county = try await WebHarness.signIn(app, as: "county")
            var form = EditingTests.base
            form["phone"] = Self.phones[1]
            form["reason"] = "户主换号"
            form["version"] = "1"
            #expect(try await WebHarness.post(app, "households/1/edit", county, form).location == "/households/1")
            let village = try await WebHarness.signIn(app, as: "village")
            form["phone"] = Self.phones[2]
            form["version"] = "2"
            #expect(try await WebHarness.post(app, "households/1/edit", village, form).location?.hasPrefix("/changes/") == true)

            let ids = Samples.household().members.map(\.id.registryText)
            var shown = 0
            for (username, role, _) in WebHarness.users {
                let session = try await WebHarness.signIn(app, as: username)
                let whole = role.permissions.contains(.viewFullIdentity)
                for place in Self.places {
                    try await app.testing().test(.GET, place, headers: WebHarness.headers(session)) { res async in
                        #expect(res.status.code < 500, "\(username) \(place)")
                        guard res.status == .ok else { return }
                        let body = res.body.string
                        let leaked = (ids + Self.phones).filter { body.contains($0) }
                        if whole {
                            if !leaked.isEmpty { shown += 1 }
                        } else {
                            #expect(leaked.isEmpty, "\(username) reads \(leaked) on \(place)")
                        }
                    }
                }
            }
            #expect(shown >= 10, "roles that may see whole numbers see them (places: \(shown))")
        }
    }
}
