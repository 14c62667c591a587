import Foundation
import SQLKit
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// 防返贫监测 on the pages: the area list with reasons, hardships recorded on the household page with
/// an audit record, bad input refused without writing.
@Suite struct MonitoringPageTests {
    func post(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ form: [String: String]) async throws -> (HTTPStatus, String) {
        let (status, body, _) = try await WebHarness.post(app, path, session, form)
        return (status, body)
    }

    func count(_ app: Application, _ sql: String) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw(SQLQueryString(sql)).first()!.decode(column: "n", as: Int.self)
    }

    @Test func the_area_list_names_each_flagged_household_with_its_reason() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            // H0002 exited in 2016 with a per-capita income of 2,666.67: under the range of 4,428.
            try await app.testing().test(.GET, "areas/451224/monitoring?year=2016", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("H0002") && body.contains("脱贫不稳定户"))
                #expect(body.contains("2016年人均纯收入 2,666.67 元 &lt; 监测范围 4,428 元"))
                #expect(!body.contains(">H0001<"), "a household not exited is not monitored")
            }
        }
    }

    @Test func a_village_team_records_a_hardship_and_bad_input_writes_nothing() async throws {
        try await WebHarness.withLoadedApp { app in
            let village = try await WebHarness.signIn(app, as: "village")
            let (bad, body) = try await post(app, "households/2/hardships", village, ["kind": "因病", "occurred_on": "2016-13-01", "cost": "abc", "note": "住院"])
            #expect(bad == .unprocessableEntity)
            #expect(body.contains("发生日期") && body.contains("支出或损失"))
            // The household page comes back with the faults above the form and what was typed still in it.
            #expect(body.contains("the hardship was not recorded") && body.contains("occurred_on must be a date"))
            #expect(body.contains("value=\"2016-13-01\"") && body.contains("value=\"abc\"") && body.contains("value=\"住院\""))
            #expect(body.contains("<option selected>因病</option>"))
            #expect(try await count(app, "SELECT COUNT(*) AS n FROM hardships") == 0)

            let (ok, _) = try await post(app, "households/2/hardships", village, ["kind": "因病", "occurred_on": "2016-08-01", "cost": "20,000", "note": "住院手术"])
            #expect(ok == .seeOther || ok == .found)
            #expect(try await count(app, "SELECT COUNT(*) AS n FROM hardships WHERE cost_fen = 2000000") == 1)
            #expect(try await count(app, "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'hardship.record'") == 1)
            try await app.testing().test(.GET, "households/2?year=2016", headers: WebHarness.headers(village)) { res async in
                let body = res.body.string
                #expect(body.contains("住院手术") && body.contains("20,000.00"))
                #expect(body.contains("刚性支出超过上年收入"))
            }
            let cadre = try await WebHarness.signIn(app, as: "cadre")
            let (refused, _) = try await post(app, "households/2/hardships", cadre, ["kind": "因病", "occurred_on": "2016-08-01", "cost": "1", "note": "x"])
            #expect(refused == .forbidden || refused == .notFound)
        }
    }
}
