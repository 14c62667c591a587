import Fluent
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore
import TuopinTestSupport
import TuopinWeb
import Vapor
import VaporTesting

/// An application on a fresh database holding three households — two in 东兰镇 village 451224100201,
/// one (named with markup) in 隘洞镇 village 451224101201 — and one user of each role.
enum WebHarness {
    static let xssName = "<script>alert(1)</script>"
    static let password = "correct-horse-1"
    static let settings = WebSettings(signIn: SignInPolicy(maxFailures: 5, lockDuration: 900), bcryptCost: 4)

    /// username → (role, area)
    static let users: [(String, Role, String?)] = [
        ("admin", .administrator, nil), ("county", .countyOffice, "451224"), ("township", .townshipStation, "451224100"),
        ("village", .villageTeam, "451224100201"), ("cadre", .cadre, nil), ("inspector", .inspector, "451224"),
        ("leader", .leader, "451224100"), ("evaluator", .evaluator, nil),
    ]

    /// Runs the test once on each kind of database (SQLite always, PostgreSQL when configured).
    static func withLoadedApp(settings: WebSettings = settings, _ test: (Application) async throws -> Void) async throws {
        for kind in TestDatabase.kinds {
            let (url, drop) = try await TestDatabase.make(kind)
            do {
                try await withLoadedApp(url, settings: settings, test)
            } catch {
                await drop()
                throw error
            }
            await drop()
        }
    }

    static func withLoadedApp(_ url: DatabaseURL, settings: WebSettings = settings, _ test: (Application) async throws -> Void) async throws {
        try await withApp(configure: { app in
            try await WebApp.configure(app, database: url, settings: settings)
        }) { app in
            let households = [Samples.household(), Samples.household("H0002", idBase: 2),
                              Samples.household("H0003", village: Samples.otherVillage, idBase: 3, name: xssName)]
            var exited = households[1]
            exited.exitYear = 2016
            let file = Samples.file(Samples.csv(Samples.rows([households[0], exited, households[2]])))
            let outcome = try await RegistryImporter.run(file: file, options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: app.db)
            precondition(outcome.written, "fixture did not load: \(outcome.issues.prefix(3))")
            let hash = try Passwords.hash(password, cost: 4)
            for (name, role, area) in users {
                _ = try await UserStore.add(User(username: name, name: "测试\(name)", unit: "测试单位", role: role, area: area.flatMap(AreaCode.init)),
                                            passwordHash: hash, now: Date(), on: app.db)
            }
            try await test(app)
        }
    }

    /// The sign-in form's cookie and CSRF token, as a browser gets them by opening /login.
    static func loginForm(_ app: Application) async throws -> (cookie: String, token: String) {
        var form = ("", "")
        try await app.testing().test(.GET, "login") { res async in
            let cookie = res.headers.setCookie?["tuopin_login"]?.string ?? ""
            let body = res.body.string
            let token = body.range(of: "name=\"_csrf\" value=\"").map { String(body[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
            form = (cookie, token)
        }
        return form
    }

    /// Posts the sign-in form as a browser does (with the form's cookie and token) and hands over the answer.
    static func postLogin(_ app: Application, _ fields: [String: String], headers: HTTPHeaders = [:],
                          _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        let form = try await loginForm(app)
        var all = headers
        all.add(name: "Cookie", value: "tuopin_login=\(form.cookie)")
        try await app.testing().test(.POST, "login", headers: all, beforeRequest: { req in
            try req.content.encode(fields.merging(["_csrf": form.token]) { a, _ in a }, as: .urlEncodedForm)
        }, afterResponse: check)
    }

    /// Signs in and returns the session cookie and the CSRF token of the page.
    static func signIn(_ app: Application, as username: String, password: String = password) async throws -> (cookie: String, csrf: String) {
        var cookie = ""
        try await postLogin(app, ["username": username, "password": password, "next": "/areas"]) { res in
            cookie = res.headers.setCookie?[SignedInCookie.name]?.string ?? ""
        }
        var csrf = ""
        try await app.testing().test(.GET, "areas", headers: ["Cookie": "\(SignedInCookie.name)=\(cookie)"]) { res async in
            if let r = res.body.string.range(of: "name=\"_csrf\" value=\"") {
                csrf = String(res.body.string[r.upperBound...].prefix { $0 != "\"" })
            }
        }
        return (cookie, csrf)
    }

    /// Posts a form with the session's CSRF token: (status, body, Location).
    @discardableResult
    static func post(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ form: [String: String]) async throws
        -> (status: HTTPStatus, body: String, location: String?) {
        var out: (HTTPStatus, String, String?) = (.ok, "", nil)
        try await app.testing().test(.POST, path, headers: headers(session), beforeRequest: { req in
            try req.content.encode(form.merging(["_csrf": session.csrf]) { a, _ in a }, as: .urlEncodedForm)
        }, afterResponse: { res async in out = (res.status, res.body.string, res.headers.first(name: .location)) })
        return out
    }

    /// Runs `body` with the app served on a real port: one the system picks (port 0), so that no other socket —
    /// a database client's ephemeral port, a parallel test — can hold it already.
    static func served(_ app: Application, _ body: (Int) async throws -> Void) async throws {
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: nil)
        guard let port = app.http.server.shared.localAddress?.port else {
            await app.server.shutdown()
            throw Abort(.internalServerError, reason: "the test server has no port")
        }
        do {
            try await body(port)
        } catch {
            await app.server.shutdown()
            throw error
        }
        await app.server.shutdown()
    }

    static func headers(_ session: (cookie: String, csrf: String)) -> HTTPHeaders {
        ["Cookie": "\(SignedInCookie.name)=\(session.cookie)"]
    }
}

enum SignedInCookie { static let name = "tuopin_session" }
