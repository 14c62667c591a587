import TuopinDomain
import Vapor

/// A browser names the page a form was sent from (`Origin`, or failing that `Referer`); a POST from a page
/// of another site is refused whatever else it carries. Scripts with an API token, and clients that name
/// no origin at all (curl), are left to the CSRF token and the API token.
struct OriginCheckMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if CSRFMiddleware.changes(request), request.headers.bearerAuthorization == nil,
           let from = request.headers.first(name: .origin) ?? request.headers.first(name: .referer),
           !Self.sameSite(from, host: request.headers.first(name: .host)) {
            throw Refused(.forbidden, "请求来自其他网站，已拒绝", "the request came from another site and was refused")
        }
        return try await next.respond(to: request)
    }

    /// Whether `origin` (a URL or `null`) names the host the request was sent to.
    static func sameSite(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), let originHost = url.host else { return false }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority.lowercased() == host.lowercased()
    }
}
