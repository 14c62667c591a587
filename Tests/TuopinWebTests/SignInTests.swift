import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinServices
import TuopinStore
import TuopinWeb
import Vapor
import VaporTesting

@Suite struct SignInTests {
    func attempt(_ app: Application, _ user: String, _ password: String) async throws -> HTTPStatus {
        var status = HTTPStatus.ok
        try await WebHarness.postLogin(app, ["username": user, "password": password]) { res in status = res.status }
        return status
    }

    @Test func session_cookie_is_httponly_and_samesite_lax() async throws {
        try await WebHarness.withLoadedApp { app in
            try await WebHarness.postLogin(app, ["username": "county", "password": WebHarness.password]) { res in
                #expect(res.status == .seeOther)
                let header = res.headers.first(name: .setCookie) ?? ""
                #expect(header.contains("HttpOnly"))
                #expect(header.contains("SameSite=Lax"))
                #expect(!header.contains("Secure"))   // plain HTTP here; Secure when served over TLS
            }
            try await WebHarness.postLogin(app, ["username": "county", "password": WebHarness.password],
                                           headers: ["X-Forwarded-Proto": "https"]) { res in
                #expect(res.headers.first(name: .setCookie)?.contains("Secure") == true)
            }
        }
    }

    @Test func five_failures_lock_the_account_and_are_logged() async throws {
        try await WebHarness.withLoadedApp { app in
            for _ in 0..<5 { #expect(try await attempt(app, "leader", "wrong-password") == .unauthorized) }
            // Locked: even the right password is refused now.
            #expect(try await attempt(app, "leader", WebHarness.password) == .unauthorized)
            let sql = app.db as! any SQLDatabase
            let failed = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'sign_in.failed' AND actor = 'leader'").first()!.decode(column: "n", as: Int.self)
            let locked = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'sign_in.locked' AND actor = 'leader'").first()!.decode(column: "n", as: Int.self)
            #expect(failed == 4 && locked == 1)
            // Another account is not affected.
            #expect(try await attempt(app, "county", WebHarness.password) == .seeOther)
        }
    }

    @Test func forms_without_the_csrf_token_are_refused() async throws {
        try await WebHarness.withLoadedApp { app in
            let session = try await WebHarness.signIn(app, as: "county")
            #expect(!session.csrf.isEmpty)
            try await app.testing().test(.POST, "logout", headers: WebHarness.headers(session)) { res async in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("CSRF"))
            }
            try await app.testing().test(.POST, "logout", headers: WebHarness.headers(session), beforeRequest: { req in
                try req.content.encode(["_csrf": "forged"], as: .urlEncodedForm)
            }) { res async in #expect(res.status == .forbidden) }
            try await app.testing().test(.POST, "logout", headers: WebHarness.headers(session), beforeRequest: { req in
                try req.content.encode(["_csrf": session.csrf], as: .urlEncodedForm)
            }) { res async in #expect(res.status == .seeOther) }
            // The session is gone.
            try await app.testing().test(.GET, "areas", headers: WebHarness.headers(session)) { res async in
                #expect(res.status == .seeOther)
            }
        }
    }

    @Test func api_tokens_work_until_revoked() async throws {
        try await WebHarness.withLoadedApp { app in
            let token = try await UserService.issueToken(for: "county", label: "test", in: .commandLine(db: app.db))
            try await app.testing().test(.GET, "api/v1/areas", headers: ["Authorization": "Bearer \(token)"]) { res async in
                #expect(res.status == .ok)
            }
            _ = try await UserService.revokeTokens(of: "county", in: .commandLine(db: app.db))
            try await app.testing().test(.GET, "api/v1/areas", headers: ["Authorization": "Bearer \(token)"]) { res async in
                #expect(res.status == .unauthorized)
            }
        }
    }

    @Test func whole_id_numbers_only_for_roles_that_may_and_each_view_is_logged() async throws {
        try await WebHarness.withLoadedApp { app in
            let full = "452728197503080033"
            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains(full))
            }
            let inspector = try await WebHarness.signIn(app, as: "inspector")
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(inspector)) { res async in
                #expect(!res.body.string.contains(full))
                #expect(res.body.string.contains("452728********0033"))
            }
            let views = try await (app.db as! any SQLDatabase).raw("SELECT actor FROM audit_events WHERE action = 'identity.view'").all()
            #expect(try views.map { try $0.decode(column: "actor", as: String.self) } == ["county"])
        }
    }

    @Test func open_redirects_are_not_followed() {
        // Only local paths are followed after sign-in.
        #expect(SessionControllerProbe.safe("https://evil.example/") == "/areas")
        #expect(SessionControllerProbe.safe("//evil.example/") == "/areas")
        #expect(SessionControllerProbe.safe("/areas/451224") == "/areas/451224")
    }
}
