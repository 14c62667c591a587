import TuopinDomain
import TuopinStore
import Vapor

/// Who is making a request: the signed-in user, how they signed in, and their CSRF token.
struct Viewer: Sendable {
    var user: User
    /// The session's CSRF token (nil for API tokens, which are not sent by browsers on their own).
    var csrfToken: String?
    var session: SessionStore.Session?

    var scope: AccessScope { user.scope }
}

extension Request {
    private struct ViewerKey: StorageKey { typealias Value = Viewer }

    /// The signed-in viewer; only routes behind `SignedInMiddleware` are reached with one.
    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }

    func requireViewer() throws -> Viewer {
        guard let v = viewer else { throw Refused(.unauthorized, "请先登录", "please sign in") }
        return v
    }

    /// The client's address, for the audit trail: the connection's peer, or what a trusted proxy forwarded
    /// (TUOPIN_TRUSTED_PROXIES). Vapor's `peerAddress` believes any client's `X-Forwarded-For`, so it is not used.
    var clientIP: String? {
        application.webSettings.trustedProxies.client(peer: remoteAddress?.ipAddress,
                                                      forwardedFor: headers[.xForwardedFor])
    }
}
