import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// Sign-in and sign-out.
enum SessionController {
    static func register(open: any RoutesBuilder, signedIn: any RoutesBuilder) {
        open.get("login", use: form)
        open.post("login", use: signIn)
        signedIn.post("logout", use: signOut)
    }

    /// The sign-in form's own CSRF token: a random value in a cookie for /login and in the form. A form
    /// posted from another site carries neither, so nobody can sign a browser into an account of their choosing.
    static let formCookie = "tuopin_login"

    @Sendable static func form(req: Request) async throws -> Response {
        let token = req.cookies[formCookie]?.string ?? Secrets.token()
        let response = Response.html(LoginView.render(.init(next: safeNext(req.query[String.self, at: "next"]), csrf: token)))
        response.cookies[formCookie] = loginCookie(token, req)
        return response
    }

    static func loginCookie(_ token: String, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: 3600, path: "/login", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .strict)
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        _ = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
        let username = req.formText("username")
        let next = safeNext(req.formText("next"))
        let settings = req.application.webSettings
        guard let expected = req.cookies[formCookie]?.string, CSRFMiddleware.constantTimeEqual(req.formText(CSRFMiddleware.field), expected) else {
            let token = Secrets.token()
            let response = Response.html(LoginView.render(.init(username: username, next: next, csrf: token,
                                                                message: "登录表单已过期或来源不明，请重新输入 / the sign-in form is stale or forged; please enter it again")),
                                         status: .forbidden)
            response.cookies[formCookie] = loginCookie(token, req)
            return response
        }
        let ip = req.clientIP
        guard await req.application.signInThrottle.allows(ip) else {
            return .html(LoginView.render(.init(username: username, next: next, csrf: expected,
                                                message: "登录失败次数过多，请10分钟后再试 / too many failed sign-ins from this address; try again in 10 minutes")),
                         status: .tooManyRequests)
        }
        try await PasswordGate.checkCapacity(on: req.application)
        let app = req.application
        let outcome = try await SignInService.signIn(username: username, password: (try? req.content.get(String.self, at: "password")) ?? "",
                                                     verify: { await PasswordGate.verify($0, hash: $1, on: app) },
                                                     decoy: PasswordGate.decoy(cost: settings.bcryptCost),
                                                     policy: settings.signIn, lifetime: settings.sessionLifetime, ip: ip, now: Date(), on: req.db)
        switch outcome {
        case .refused(let message):
            await req.application.signInThrottle.failed(ip)
            return .html(LoginView.render(.init(username: username, next: next, csrf: expected, message: message)), status: .unauthorized)
        case .signedIn(let token, _, let mustChange):
            await req.application.signInThrottle.succeeded(ip)
            let response = req.redirect(to: mustChange ? PasswordController.path : next)
            response.cookies[SignedInMiddleware.cookieName] = HTTPCookies.Value(
                string: token, maxAge: Int(settings.sessionLifetime), path: "/", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
            return response
        }
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        if let session = req.viewer?.session {
            try await SignInService.signOut(session, in: try req.context)
        }
        let response = req.redirect(to: "/login")
        response.cookies[SignedInMiddleware.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
                                                                          path: "/", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only local paths are followed after sign-in (no open redirect, no header injection).
    static func safeNext(_ next: String?) -> String { LocalPath.or(next) }
}

extension Request {
    /// Served over TLS (directly, or behind a proxy that says so).
    var isSecure: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    /// The header of every page for the signed-in viewer: only what the role may open, and the inbox count
    /// `NavigationMiddleware` read.
    var chrome: Layout.Chrome? {
        viewer.map { v in
            var c = Layout.Chrome(name: v.user.name, role: v.user.role.rawValue, unit: v.user.unit, csrfToken: v.csrfToken,
                                  canViewAudit: v.user.can(.viewAudit), canManageUsers: v.user.can(.manageUsers),
                                  handlesChanges: v.user.can(.editRegistry) || v.user.can(.approveChanges),
                                  awaitingApproval: storage[NavigationMiddleware.WaitingKey.self] ?? nil, printedOn: today.description)
            c.logsWork = v.user.role == .cadre || v.user.role == .villageTeam
            c.overseesDuty = [.administrator, .countyOffice, .townshipStation, .leader, .inspector].contains(v.user.role)
            c.handlesProblems = [.writeFindings, .rectifyProblems, .reviewProblems].contains { v.user.can($0) } || v.user.role == .leader
            c.seesEvaluations = v.user.can(.manageEvaluations) || v.user.role == .evaluator || v.user.role == .leader
            c.handlesFunds = [.proposeProjects, .manageFunds].contains { v.user.can($0) } || v.user.role == .leader
            return c
        }
    }
}

/// The sign-in redirect rule, open to tests.
public enum SessionControllerProbe {
    public static func safe(_ next: String?) -> String { SessionController.safeNext(next) }
}
