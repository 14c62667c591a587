import Foundation
import TuopinDomain
import TuopinServices
import Vapor

/// Sign-in and sign-out.
enum SessionController {
    static func register(open: any RoutesBuilder, signedIn: any RoutesBuilder) {
        open.get("login", use: form)
        open.post("login", use: signIn)
        signedIn.post("logout", use: signOut)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        .html(LoginView.render(.init(next: safeNext(req.query[String.self, at: "next"]))))
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let username = req.formText("username")
        let next = safeNext(req.formText("next"))
        let settings = req.application.webSettings
        let outcome = try await SignInService.signIn(username: username, password: (try? req.content.get(String.self, at: "password")) ?? "",
                                                     verify: Passwords.verify, policy: settings.signIn, lifetime: settings.sessionLifetime,
                                                     ip: req.clientIP, now: Date(), on: req.db)
        switch outcome {
        case .refused(let message):
            return .html(LoginView.render(.init(username: username, next: next, message: message)), status: .unauthorized)
        case .signedIn(let token, _):
            let response = req.redirect(to: next)
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
