import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Signed-in sessions and API tokens. Only fingerprints of tokens are stored.
public enum SessionStore {
    public struct Session: Sendable {
        public var account: UserStore.Account
        public var csrfToken: String
        public var id: Int64
    }

    /// Opens a session after a successful sign-in (and clears the failure count); returns the cookie token and the CSRF token.
    public static func open(for account: UserStore.Account, ip: String?, now: Date, lifetime: TimeInterval = 12 * 3600,
                            on db: any Database) async throws -> (token: String, csrf: String) {
        let token = Secrets.token(), csrf = Secrets.token()
        let sql = db as! any SQLDatabase
        let id = account.user.id!.rawValue
        try await sql.raw("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = \(bind: id)").run()
        try await sql.raw("""
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, ip)
            VALUES (\(bind: Secrets.fingerprint(token)), \(bind: id), \(bind: csrf), \(bind: now), \(bind: now.addingTimeInterval(lifetime)), \(bind: ip))
            """).run()
        return (token, csrf)
    }

    /// The live session for a cookie token, or nil.
    public static func find(token: String, now: Date, on db: any Database) async throws -> Session? {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("""
            SELECT s.id AS session_id, s.csrf_token, s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: Secrets.fingerprint(token))
            """).first() else { return nil }
        guard try row.decode(column: "expires_at", as: Date.self) > now else { return nil }
        let account = try UserStore.account(row)
        guard !account.user.disabled else { return nil }
        return Session(account: account, csrfToken: try row.decode(column: "csrf_token", as: String.self),
                       id: try row.decode(column: "session_id", as: Int64.self))
    }

    public static func close(_ session: Session, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DELETE FROM sessions WHERE id = \(bind: session.id)").run()
    }

    // MARK: API tokens

    /// A new API token for scripts (shown once; only its fingerprint is kept).
    public static func issueAPIToken(for user: User, label: String, now: Date, on db: any Database) async throws -> String {
        let token = "tpn_" + Secrets.token()
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (\(bind: Secrets.fingerprint(token)), \(bind: user.id!.rawValue), \(bind: label), \(bind: now))
            """).run()
        return token
    }

    /// Revokes every live token of a user; returns how many.
    public static func revokeAPITokens(of user: User, now: Date, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        let id = user.id!.rawValue
        let n = try await sql.raw("SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = \(bind: id) AND revoked_at IS NULL").first()?.decode(column: "n", as: Int.self) ?? 0
        try await sql.raw("UPDATE api_tokens SET revoked_at = \(bind: now) WHERE user_id = \(bind: id) AND revoked_at IS NULL").run()
        return n
    }

    /// The account an API token belongs to, if the token is live.
    public static func account(apiToken: String, on db: any Database) async throws -> UserStore.Account? {
        guard let row = try await (db as! any SQLDatabase).raw("""
            SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: Secrets.fingerprint(apiToken)) AND t.revoked_at IS NULL
            """).first() else { return nil }
        let a = try UserStore.account(row)
        return a.user.disabled ? nil : a
    }
}
