import Foundation
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// What a browser does and the in-memory client does not: a large form body that arrives in several reads,
/// a sign-in form with its own token, and the origin of every POST.
@Suite(.serialized) struct FormBodyTests {
    @Test func a_household_form_sent_in_pieces_is_saved() async throws {
        try await WebHarness.withLoadedApp { app in
            let session = try await WebHarness.signIn(app, as: "county")
            var page = ""
            try await app.testing().test(.GET, "households/1/edit", headers: WebHarness.headers(session)) { res async in page = res.body.string }
            var fields = FormFields.of(page, action: "/households/1/edit")
            #expect(fields.count > 40, "the whole form: household fields and every member row")
            fields = fields.map { $0.0 == "phone" ? ($0.0, "13800000000") : $0 } + [("reason", "电话号码变更")]
            try await WebHarness.served(app) { port in
                let pieces = RawHTTP.form(path: "/households/1/edit", port: port, cookie: "tuopin_session=\(session.cookie)", fields: fields, count: 6)
                #expect(pieces.count >= 6)
                let answer = try await RawHTTP.sendOffThread(port: port, pieces: pieces)
                #expect(answer.status == 303, "\(answer.status): \(answer.body.prefix(300))")
            }
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(session)) { res async in
                #expect(res.body.string.contains("13800000000"))
            }
        }
    }

    @Test func a_sign_in_sent_in_pieces_signs_in() async throws {
        try await WebHarness.withLoadedApp { app in
            let form = try await WebHarness.loginForm(app)
            try await WebHarness.served(app) { port in
                let pieces = RawHTTP.form(path: "/login", port: port, cookie: "tuopin_login=\(form.cookie)",
                                          fields: [("_csrf", form.token), ("username", "county"), ("password", WebHarness.password), ("next", "/areas")], count: 4)
                let answer = try await RawHTTP.sendOffThread(port: port, pieces: pieces)
                #expect(answer.status == 303 && answer.head.contains("tuopin_session="), "\(answer.status) \(answer.body.prefix(200))")
            }
        }
    }

    @Test func a_sign_in_without_the_form_token_is_refused() async throws {
        try await WebHarness.withLoadedApp { app in
            // A page of another site can post the form but cannot read or send the sign-in form's cookie.
            try await app.testing().test(.POST, "login", beforeRequest: { req in
                try req.content.encode(["username": "county", "password": WebHarness.password], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .forbidden)
                #expect(res.headers.setCookie?["tuopin_session"] == nil)
            })
        }
    }

    @Test func a_post_from_another_site_is_refused() async throws {
        try await WebHarness.withLoadedApp { app in
            let session = try await WebHarness.signIn(app, as: "county")
            for (origin, status) in [("http://evil.example", HTTPStatus.forbidden), ("http://localhost", .seeOther)] {
                var headers = WebHarness.headers(session)
                headers.add(name: .origin, value: origin)
                headers.add(name: .host, value: "localhost")
                try await app.testing().test(.POST, "logout", headers: headers, beforeRequest: { req in
                    try req.content.encode(["_csrf": session.csrf], as: .urlEncodedForm)
                }, afterResponse: { res async in
                    #expect(res.status == status, "Origin \(origin)")
                })
            }
        }
    }
}
