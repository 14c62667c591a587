import TuopinDomain
import Vapor

/// Every form that changes data carries the session's CSRF token in `_csrf`; a POST without the right one
/// is refused. The body is collected first: a browser may send a large form in several pieces, and the
/// token must be read from the whole of it. Requests signed with an API token carry no cookie and need none.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.changes(request), let viewer = request.viewer, let expected = viewer.csrfToken {
            try await Self.check(request, expected: expected)
        }
        return try await next.respond(to: request)
    }

    static func changes(_ request: Request) -> Bool {
        request.method == .POST || request.method == .PUT || request.method == .PATCH || request.method == .DELETE
    }

    /// Collects the whole body, then compares its `_csrf` field (or the `X-CSRF-Token` header) with `expected`.
    static func check(_ request: Request, expected: String) async throws {
        _ = try await request.body.collect(max: UploadRoute.bodyLimit(request)).get()
        let posted = request.multipartForm.map { $0.text[field] } ?? (try? request.content.get(String.self, at: field))
        let sent = posted ?? request.headers.first(name: "X-CSRF-Token")
        guard let sent, constantTimeEqual(sent, expected) else {
            throw Refused(.forbidden, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试",
                          "the form is stale or forged (CSRF check failed); reload the page and try again")
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
