import TuopinDomain
import TuopinStore
import Vapor

/// Sign-in and sign-out.
enum SessionController {
    struct SignInForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        .html(LoginView.render(.init(next: safeNext(req.query[String.self, at: "next"]))))
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let next = safeNext(form.next)
        let settings = req.application.webSettings
        let now = Date()
        let refused = { (message: String) -> Response in
            .html(LoginView.render(.init(username: username, next: next, message: message)), status: .unauthorized)
        }
        guard let account = try await UserStore.find(username: username, on: req.db) else {
            return refused("登录名或密码不正确 / wrong username or password")
        }
        if account.user.disabled { return refused("该账号已停用 / this account is disabled") }
        if settings.signIn.isLocked(lockedUntil: account.lockedUntil, now: now) {
            return refused("连续登录失败次数过多，账号暂时锁定，请稍后再试 / too many failed sign-ins; the account is locked for a while")
        }
        guard Passwords.verify(form.password ?? "", hash: account.passwordHash) else {
            try await UserStore.recordFailure(account, policy: settings.signIn, ip: req.clientIP, now: now, on: req.db)
            return refused("登录名或密码不正确 / wrong username or password")
        }
        let (token, _) = try await SessionStore.open(for: account, ip: req.clientIP, now: now, lifetime: settings.sessionLifetime, on: req.db)
        let response = req.redirect(to: next)
        response.cookies[SignedInMiddleware.cookieName] = HTTPCookies.Value(
            string: token, maxAge: Int(settings.sessionLifetime), path: "/", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        if let session = req.viewer?.session {
            try await SessionStore.close(session, ip: req.clientIP, now: Date(), on: req.db)
        }
        let response = req.redirect(to: "/login")
        response.cookies[SignedInMiddleware.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
                                                                          path: "/", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only local paths are followed after sign-in (no open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let n = next, n.hasPrefix("/"), !n.hasPrefix("//"), !n.contains("\\") else { return "/areas" }
        return n
    }
}

extension Request {
    /// Served over TLS (directly, or behind a proxy that says so).
    var isSecure: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    /// The header of every page for the signed-in viewer.
    var chrome: Layout.Chrome? {
        viewer.map { Layout.Chrome(name: $0.user.name, role: $0.user.role.rawValue, csrfToken: $0.csrfToken,
                                   canViewAudit: $0.user.can(.viewAudit), canManageUsers: $0.user.can(.manageUsers)) }
    }
}

/// The sign-in redirect rule, open to tests.
public enum SessionControllerProbe {
    public static func safe(_ next: String?) -> String { SessionController.safeNext(next) }
}
