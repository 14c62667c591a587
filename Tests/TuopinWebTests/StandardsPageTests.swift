import Foundation
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// The standards page and the exit test on the household page.
@Suite struct StandardsPageTests {
    @Test func the_standards_in_force_are_shown_with_sources_and_unconfirmed_marks() async throws {
        try await WebHarness.withLoadedApp { app in
            let leader = try await WebHarness.signIn(app, as: "leader")
            try await app.testing().test(.GET, "standards", headers: WebHarness.headers(leader)) { res async in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("2,952.00") && body.contains("云南调查年鉴2017"))
                #expect(body.contains("待核实"), "2017, 2018 and 2020 are unconfirmed")
                #expect(body.contains("一超六有") && body.contains("通广播电视"))
                #expect(body.contains("&lt; 3%") && body.contains("≥ 90%"))
                #expect(body.contains("7 天"))
            }
        }
    }

    @Test func the_household_page_shows_the_verdict_with_its_evidence() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            // H0001: 2016 per-capita income 2,666.67 ≤ 2,952.
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("脱贫标准核验（2016年，参照日 2016-12-31）"))
                #expect(body.contains("2016年人均纯收入 2,666.67 元 ≤ 2,952 元"))
                #expect(body.contains("未达标项：收入超过扶贫标准"))
            }
            try await app.testing().test(.GET, "households/1?year=2019", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains("2019年收入未记录"))
            }
        }
    }
}

/// Area pages show the exit indicators and lead to the household-by-household exit test.
@Suite struct ExitCheckPageTests {
    @Test func the_county_page_shows_its_incidence_and_the_exit_page_counts_missing_items() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "areas/451224", headers: WebHarness.headers(county)) { res async in
                let body = res.body.string
                #expect(body.contains("退出指标（2016年末）"))
                #expect(body.contains("贫困县退出（综合贫困发生率）"))
                #expect(body.contains("户籍人口 未录入"))
                #expect(body.contains("尚无可公开结果的评估"))
            }
            try await app.testing().test(.GET, "areas/451224/exit?year=2016", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("2016年脱贫标准核验"))
                #expect(body.contains("<th scope=\"row\">合计</th><td class=\"num\"><a href=\"/areas/451224000000/verdicts?year=2016&amp;households=all\">3</a></td>"))
            }
            try await app.testing().test(.GET, "areas/451224/exit?year=1999", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .badRequest)
            }
            let village = try await WebHarness.signIn(app, as: "village")
            try await app.testing().test(.GET, "areas/451224101201/exit?year=2016", headers: WebHarness.headers(village)) { res async in
                #expect(res.status == .notFound, "another village is out of scope")
            }
        }
    }
}
