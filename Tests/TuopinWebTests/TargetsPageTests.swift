import Foundation
import SQLKit
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// 挂图作战 on the area pages: everyone in scope reads it; only a role that plans can set plans, and a
/// refused form keeps what was typed and writes nothing.
@Suite struct TargetsPageTests {
    func post(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ form: [String: String]) async throws -> (HTTPStatus, String) {
        let (status, body, _) = try await WebHarness.post(app, path, session, form)
        return (status, body)
    }

    func plans(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM exit_targets").first()!.decode(column: "n", as: Int.self)
    }

    @Test func the_county_sets_a_plan_and_the_pages_show_progress() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let path = "areas/451224/targets?year=2016"
            // A fault: the whole form is refused, values kept, nothing written.
            let (status, body) = try await post(app, path, county, ["h_451224000000": "abc", "p_451224000000": "30", "reason": "下达"])
            #expect(status == .unprocessableEntity)
            #expect(body.contains("value=\"abc\"") && body.contains("应为不小于0的整数"))
            #expect(try await plans(app) == 0)
            let (missingReason, _) = try await post(app, path, county, ["h_451224000000": "10", "p_451224000000": "30"])
            #expect(missingReason == .unprocessableEntity)

            let (saved, _) = try await post(app, path, county, ["h_451224000000": "10", "p_451224000000": "30", "y_451224000000": "2019",
                                                                  "h_451224100000": "2", "p_451224100000": "6", "reason": "县减贫计划"])
            #expect(saved == .seeOther || saved == .found || saved == .movedPermanently)
            #expect(try await plans(app) == 2)
            try await app.testing().test(.GET, path, headers: WebHarness.headers(county)) { res async in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("2016年减贫计划完成情况"))
                #expect(body.contains("<td class=\"num\">10</td><td class=\"num\"><a href=\"/areas/451224000000?exit_year=2016#households\">1</a></td><td class=\"num\">10%</td>"),
                        "planned 10, H0002 exited in 2016")
                #expect(body.contains("缺口 9 户"))
                #expect(body.contains("收入低于标准 1"))
            }
            try await app.testing().test(.GET, "areas/451224", headers: WebHarness.headers(county)) { res async in
                let body = res.body.string
                #expect(body.contains("2016年减贫计划（挂图作战）"), "the area page opens on the latest year with plans or exits")
                #expect(body.contains("未下达计划"), "a township without a plan says so")
            }
            try await app.testing().test(.GET, "audit?action=target.plan", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains("县减贫计划"))
            }
        }
    }

    @Test func a_township_reads_but_may_not_plan() async throws {
        try await WebHarness.withLoadedApp { app in
            let township = try await WebHarness.signIn(app, as: "township")
            try await app.testing().test(.GET, "areas/451224100/targets?year=2016", headers: WebHarness.headers(township)) { res async in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("保存计划"))
            }
            let (status, _) = try await post(app, "areas/451224100/targets?year=2016", township, ["h_451224100000": "2", "p_451224100000": "6", "reason": "x"])
            #expect(status == .forbidden)
            #expect(try await plans(app) == 0)
            try await app.testing().test(.GET, "areas/451224/targets?year=2016", headers: WebHarness.headers(township)) { res async in
                #expect(res.status == .notFound, "the county is above the township's scope")
            }
        }
    }
}
