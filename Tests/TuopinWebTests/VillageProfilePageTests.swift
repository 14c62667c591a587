import Foundation
import SQLKit
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// 贫困村登记 edited on the village page by the county office, checked by the village file's rules.
@Suite struct VillageProfilePageTests {
    func post(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ form: [String: String]) async throws -> (HTTPStatus, String) {
        let (status, body, _) = try await WebHarness.post(app, path, session, form)
        return (status, body)
    }

    func audits(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'village.profile'").first()!.decode(column: "n", as: Int.self)
    }

    @Test func the_county_edits_a_village_profile_and_bad_values_change_nothing() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let path = "areas/451224100201/profile"
            let (bad, why) = try await post(app, path, county, ["registered_population": "-5", "poor_village": "否", "exit_year": "2019", "reason": "核对"])
            #expect(bad == .unprocessableEntity && why.contains("户籍人口") && why.contains("出列年度"))
            #expect(try await audits(app) == 0)
            let (ok, _) = try await post(app, path, county, ["registered_population": "2,000", "poor_village": "是", "exit_year": "2019", "reason": "统计局户籍人口"])
            #expect(ok == .seeOther || ok == .found)
            #expect(try await audits(app) == 1)
            try await app.testing().test(.GET, "areas/451224100201", headers: WebHarness.headers(county)) { res async in
                let body = res.body.string
                #expect(body.contains("户籍人口：2,000") && body.contains("出列年度：2019"))
                #expect(body.contains("未脱贫 1 人") || body.contains("÷ 户籍人口 2,000"))
            }
            let village = try await WebHarness.signIn(app, as: "village")
            let (refused, _) = try await post(app, path, village, ["registered_population": "10", "poor_village": "否", "reason": "x"])
            #expect(refused == .forbidden)
            try await app.testing().test(.GET, "areas/451224100201", headers: WebHarness.headers(village)) { res async in
                #expect(res.body.string.contains("户籍人口：2,000") && !res.body.string.contains("name=\"registered_population\""))
            }
        }
    }
}
