import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// Lets a request through only with a live session cookie or API token (`Authorization: Bearer tpn_…`).
/// Pages without one redirect to the sign-in page; the API answers 401.
struct SignedInMiddleware: AsyncMiddleware {
    static let cookieName = "tuopin_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token {
            // Kept until the registry version moves: issuing, revoking or disabling moves it.
            let account = try await request.current("token:" + Secrets.fingerprint(bearer)) {
                try await SignInService.account(apiToken: bearer, on: request.db)
            }
            guard let account else {
                throw Refused(.unauthorized, "API 令牌无效或已撤销", "the API token is invalid or revoked")
            }
            request.viewer = Viewer(user: account.user, csrfToken: nil, session: nil)
            return try await next.respond(to: request)
        }
        if let token = request.cookies[SignedInMiddleware.cookieName]?.string,
           let session = try await SignInService.session(cookie: token, now: Date(), on: request.db) {
            request.viewer = Viewer(user: session.account.user, csrfToken: session.csrfToken, session: session)
            // A one-time password (a new account's, a reset's) is changed before anything else is done.
            if session.account.mustChangePassword, !PasswordController.allowedWhileChanging(request) {
                return request.redirect(to: PasswordController.path)
            }
            return try await next.respond(to: request)
        }
        if request.url.path.hasPrefix("/api/") {
            throw Refused(.unauthorized, "请先登录或提供 API 令牌", "sign in or send an API token")
        }
        let next = request.url.string
        return request.redirect(to: "/login" + HTML.query([("next", next)]))
    }
}
