import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// Issue #19 items 6 (an administrator locked out by anonymous guesses gets back in), 8 (the audit trail's
/// address is the peer's unless a trusted proxy forwarded it) and 13 (whole-ID views recorded once a day).
@Suite struct AccountLockAndAddressTests {
    static func count(_ app: Application, _ action: String) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = \(bind: action)")
            .first()!.decode(column: "n", as: Int.self)
    }

    static func lock(_ app: Application, _ username: String) async throws {
        for i in 0..<5 { try await WebHarness.postLogin(app, ["username": username, "password": "guess-\(i)"]) { _ in } }
    }

    @Test func another_administrator_sees_the_lock_and_lifts_it() async throws {
        try await WebHarness.withLoadedApp { app in
            _ = try await UserStore.add(User(username: "admin2", name: "第二管理员", unit: "县扶贫办", role: .administrator, area: nil),
                                        passwordHash: try Passwords.hash(WebHarness.password, cost: 4), now: Date(), on: app.db)
            try await Self.lock(app, "admin")
            try await WebHarness.postLogin(app, ["username": "admin", "password": WebHarness.password]) { res in
                #expect(res.headers.setCookie?[SignedInCookie.name] == nil, "locked")
            }
            let other = try await WebHarness.signIn(app, as: "admin2")
            try await app.testing().test(.GET, "users", headers: WebHarness.headers(other)) { res async in
                #expect(res.body.string.contains("已锁定至"))
                #expect(res.body.string.contains("/users/admin/confirm/unlock"))
            }
            try await app.testing().test(.GET, "users/admin/confirm/unlock", headers: WebHarness.headers(other)) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("确定解除登录锁定"))
            }
            let lifted = try await WebHarness.post(app, "users/admin/unlock", other, [:])
            #expect(lifted.status == .ok)
            #expect(lifted.body.contains("已解除 admin 的登录锁定"))
            #expect(!lifted.body.contains("已锁定至"))
            #expect(try await Self.count(app, "user.unlock") == 1)
            #expect(!(try await WebHarness.signIn(app, as: "admin").cookie.isEmpty), "the administrator signs in again")
        }
    }

    @Test func the_command_line_lifts_a_lock_no_one_else_can() async throws {
        try await WebHarness.withLoadedApp { app in
            try await Self.lock(app, "admin")
            let ctx = ServiceContext.commandLine(db: app.db)
            let (_, _, locked) = try await UserService.list(in: ctx)
            #expect(locked["admin"] != nil, "`tuopin user list` shows the lock")
            try await UserService.unlock("admin", in: ctx)
            #expect(!(try await WebHarness.signIn(app, as: "admin").cookie.isEmpty))
            let row = try await (app.db as! any SQLDatabase).raw("SELECT actor, after_json FROM audit_events WHERE action = 'user.unlock'").first()
            #expect(try row?.decode(column: "actor", as: String.self) == AuditActor.commandLine.username)
            #expect(try row?.decode(column: "after_json", as: String.self).contains("原锁定至") == true)
            // A county office cannot lift an administrator's lock: outside its reach it is no user at all.
            let county = try await WebHarness.signIn(app, as: "county")
            #expect(try await WebHarness.post(app, "users/admin/unlock", county, [:]).status == .notFound)
        }
    }

    @Test func forwarded_addresses_are_believed_only_from_trusted_proxies() throws {
        let none = TrustedProxies.none
        #expect(none.client(peer: "192.0.2.7", forwardedFor: ["10.66.66.66"]) == "192.0.2.7")
        let proxies = try TrustedProxies.parse("127.0.0.1, 10.1.0.0/16")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.9"]) == "203.0.113.9")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["6.6.6.6, 203.0.113.9, 10.1.2.3"]) == "203.0.113.9",
                "the right-most address not itself a proxy: a client cannot put one before it")
        #expect(proxies.client(peer: "192.0.2.7", forwardedFor: ["203.0.113.9"]) == "192.0.2.7", "an untrusted peer's header is ignored")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["<script>"]) == "127.0.0.1", "only addresses are written to the trail")
        #expect(throws: WebSettings.Invalid.self) { try TrustedProxies.parse("10.0.0.0/40") }
        #expect(throws: WebSettings.Invalid.self) { try TrustedProxies.parse("proxy.example") }
        #expect(throws: WebSettings.Invalid.self) {
            try WebSettings.fromEnvironment(["TUOPIN_TRUSTED_PROXIES": "nonsense"])
        }
    }

    /// Over a real socket: the trail records the peer, not what the client's header says, unless the peer is
    /// a configured proxy.
    @Test(arguments: [false, true])
    func the_trail_records_the_peer_unless_a_proxy_forwarded(trusted: Bool) async throws {
        let (url, drop) = try await TestDatabase.make(.sqlite)
        var settings = WebHarness.settings
        if trusted { settings.trustedProxies = try TrustedProxies.parse("127.0.0.1") }
        try await WebHarness.withLoadedApp(url, settings: settings) { app in
            try await WebHarness.served(app) { port in
                let (form, token) = try await WebHarness.loginForm(app)
                let body = "username=county&password=wrong-guess&_csrf=\(token)"
                let answer = try await RawHTTP.sendOffThread(port: port, pieces: [
                    "POST /login HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nCookie: tuopin_login=\(form)\r\n"
                        + "X-Forwarded-For: 10.66.66.66\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body,
                ])
                #expect(answer.status == 401)
            }
            let ip = try await (app.db as! any SQLDatabase).raw("SELECT ip FROM audit_events WHERE action = 'sign_in.failed'").first()?
                .decode(column: "ip", as: String?.self)
            #expect(ip == (trusted ? "10.66.66.66" : "127.0.0.1"))
        }
        await drop()
    }

    @Test func whole_ids_viewed_again_the_same_day_are_recorded_once() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let village = try await WebHarness.signIn(app, as: "village")
            for _ in 0..<4 {
                try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                    #expect(res.status == .ok)
                }
            }
            try await app.testing().test(.GET, "households/2", headers: WebHarness.headers(county)) { _ async in }
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(village)) { _ async in }
            try await app.testing().test(.GET, "api/v1/households/1", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .ok)
            }
            let rows = try await (app.db as! any SQLDatabase).raw("""
                SELECT actor, entity_id FROM audit_events WHERE action = 'identity.view' ORDER BY seq
                """).all().map { "\(try $0.decode(column: "actor", as: String.self)):\(try $0.decode(column: "entity_id", as: String.self))" }
            #expect(rows == ["county:1", "county:2", "village:1"], "once per user, household and day: \(rows)")
        }
    }
}

/// Issue #19 item 7 on the page that sets one's own password: the rule is enforced and the form kept.
@Suite struct WeakPasswordPageTests {
    @Test func a_common_password_is_refused_on_the_page() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let refused = try await WebHarness.post(app, "account/password", county,
                                                    ["current": WebHarness.password, "new": "12345678", "confirm": "12345678"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("密码过于常见") || refused.body.contains("只含数字"))
            let blank = try await WebHarness.post(app, "account/password", county,
                                                  ["current": WebHarness.password, "new": "        ", "confirm": "        "])
            #expect(blank.status == .unprocessableEntity)
            #expect(!(try await WebHarness.signIn(app, as: "county").cookie.isEmpty), "the old password still works")
        }
    }
}
