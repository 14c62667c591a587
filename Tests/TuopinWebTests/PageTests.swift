import Foundation
import Testing
import TuopinWeb
import Vapor
import VaporTesting

@Suite struct PageTests {
    @Test func health_reports_the_database_and_count() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "health") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"households\":3"))
                #expect(res.body.string.contains("\"database\":\"sqlite\"") || res.body.string.contains("\"database\":\"postgres\""))
            }
        }
    }

    @Test func area_tree_shows_real_names_and_counts() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "areas", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "admin"))) { res async in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("广西壮族自治区") && body.contains("河池市") && body.contains("东兰县") && body.contains("东兰镇"))
                #expect(body.contains("<html lang=\"zh-CN\">"))
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            }
        }
    }

    @Test func area_page_lists_searches_and_filters() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "areas/451224", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("共 3 户"))
                #expect(res.body.string.contains("下级区划"))
            }
            try await app.testing().test(.GET, "areas/451224?status=%E5%B7%B2%E8%84%B1%E8%B4%AB", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in   // 已脱贫
                #expect(res.body.string.contains("共 1 户"))
                #expect(res.body.string.contains("H0002"))
            }
            try await app.testing().test(.GET, "areas/451224?q=H0003", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.body.string.contains("共 1 户"))
            }
            try await app.testing().test(.GET, "areas/451224?q=%E9%BB%84%E7%A7%80", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in   // 黄秀: spouses' name prefix
                #expect(res.body.string.contains("共 3 户"))
            }
            try await app.testing().test(.GET, "areas/451224100000?type=%E4%BD%8E%E4%BF%9D%E8%B4%AB%E5%9B%B0%E6%88%B7", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in   // 低保贫困户
                #expect(res.body.string.contains("没有符合条件的户"))
            }
        }
    }

    @Test func bad_filter_values_are_refused_with_a_message() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "areas/451224?status=maybe", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("脱贫标志"))
            }
            try await app.testing().test(.GET, "areas/451224?page=0", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.status == .badRequest)
            }
        }
    }

    @Test func household_page_shows_members_and_income_beside_the_line() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("韦国强") && body.contains("黄秀英") && body.contains("韦小军"))
                #expect(body.contains("2,666.67"))          // (6000+2500+100+900−1500) ÷ 3
                #expect(body.contains("2,952.00 元"))       // the 2016 line
                #expect(body.contains("未超过"))
            }
        }
    }

    @Test func markup_in_names_is_shown_as_text() async throws {
        try await WebHarness.withLoadedApp { app in
            for path in ["households/3", "areas/451224?q=H0003"] {
                try await app.testing().test(.GET, path, headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                    #expect(!res.body.string.contains("<script>alert(1)</script>"))
                    #expect(res.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                }
            }
        }
    }

    @Test(arguments: ["households/999", "households/abc", "areas/12345", "areas/999999", "nowhere"])
    func unknown_things_answer_404_in_chinese(path: String) async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, path, headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("找不到") || res.body.string.contains("没有"))
            }
        }
    }

    @Test func stylesheet_is_served_by_the_app() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "assets/app.css") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("@media print"))
                #expect(!res.body.string.contains("http"))   // nothing fetched from outside
            }
        }
    }
}
