import Foundation
import Testing
import TuopinWeb
import VaporTesting

/// Details users tripped on (issue #13 items 11, 13, 16, 17): no command-line text on office pages, a header
/// by role, confirmations before destructive clicks, no personal page kept by the browser.
@Suite struct FieldReadyPageTests {
    static func get(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String)) async throws -> (HTTPStatus, HTTPHeaders, String) {
        var out: (HTTPStatus, HTTPHeaders, String) = (.ok, [:], "")
        try await app.testing().test(.GET, path, headers: WebHarness.headers(session)) { res async in out = (res.status, res.headers, res.body.string) }
        return out
    }

    @Test func office_pages_show_no_command_line_text() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            for path in ["areas", "areas/451224", "areas/451224100", "areas/451224100201", "areas/451224/targets?year=2016", "areas/451224/exit?year=2016",
                         "areas/451224/monitoring?year=2016", "standards", "households/1", "households/1/edit", "users", "audit", "changes"] {
                let (status, _, body) = try await Self.get(app, path, county)
                #expect(status == .ok, "\(path)")
                for text in ["tuopin ", "命令行：", "docs/", "--db", ".md"] {
                    #expect(!body.contains(text), "\(path) shows '\(text)'")
                }
            }
        }
    }

    @Test func the_header_offers_what_the_role_does() async throws {
        try await WebHarness.withLoadedApp { app in
            for username in ["leader", "inspector", "evaluator"] {
                let session = try await WebHarness.signIn(app, as: username)
                let (_, _, body) = try await Self.get(app, "areas", session)
                #expect(!body.contains("href=\"/changes\""), "\(username) is not offered 变更申请")
                #expect(!body.contains("待我审批"))
                #expect(body.contains("action=\"/search\""), "a search box in the header")
            }
            // A village asks; the township's header counts what waits for it.
            let village = try await WebHarness.signIn(app, as: "village")
            var form = EditingTests.base
            form["phone"] = "13800002222"
            form["reason"] = "换号"
            form["version"] = "1"
            #expect(try await WebHarness.post(app, "households/1/edit", village, form).location?.hasPrefix("/changes/") == true)
            let township = try await WebHarness.signIn(app, as: "township")
            let (_, _, page) = try await Self.get(app, "areas", township)
            #expect(page.contains("<a href=\"/changes?waiting=mine\">待我审批（1）</a>"))
            let (_, _, inbox) = try await Self.get(app, "changes?waiting=mine", township)
            #expect(inbox.contains("H0001"))
            let county = try await WebHarness.signIn(app, as: "county")
            let (_, _, countyPage) = try await Self.get(app, "areas", county)
            #expect(countyPage.contains(">待我审批</a>"), "nothing waits for the county yet")
        }
    }

    @Test func destructive_account_actions_ask_first_and_new_users_start_weakest() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let (_, _, users) = try await Self.get(app, "users", county)
            #expect(users.contains("<a href=\"/users/township/confirm/disable\">停用</a>"), "停用 is a link to a confirmation, not a one-click form")
            #expect(!users.contains("action=\"/users/township/disable\""))
            let (status, _, confirm) = try await Self.get(app, "users/township/confirm/disable", county)
            #expect(status == .ok)
            #expect(confirm.contains("action=\"/users/township/disable\"") && confirm.contains("取消"))
            let role = users.components(separatedBy: "<select name=\"role\">").last ?? ""
            #expect(role.hasPrefix("<option value=\"cadre\" selected>"), "the weakest role is chosen first: \(role.prefix(80))")
            let (peer, _, _) = try await Self.get(app, "users/county/confirm/reset-password", county)
            #expect(peer == .forbidden || peer == .notFound, "no reset of one's own rank")
        }
    }

    @Test func pages_with_personal_data_are_not_kept_by_the_browser() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            for path in ["households/1", "areas/451224", "api/v1/households/1", "audit"] {
                let (_, headers, _) = try await Self.get(app, path, county)
                #expect(headers.first(name: .cacheControl)?.contains("no-store") == true, "\(path)")
            }
            let (_, headers, _) = try await Self.get(app, "assets/app.css", county)
            #expect(headers.first(name: .cacheControl)?.contains("no-store") != true, "the stylesheet may be kept")
        }
    }
}
