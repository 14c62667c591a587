import FluentKit
import Foundation
import TuopinDomain
import TuopinStore

/// 登录与退出 — signing in with a password (counting failures and locking by the policy) and out; each
/// recorded in the audit trail. A sign-in has no actor yet, so it takes the database and the time itself.
public enum SignInService {
    public enum Outcome: Sendable {
        /// The session's cookie token and CSRF token; the password must be changed before anything else.
        case signedIn(token: String, csrf: String, mustChangePassword: Bool)
        case refused(String)
    }

    /// Checks a password (`verify` compares it with the stored hash) and opens a session.
    public static func signIn(username: String, password: String, verify: @escaping @Sendable (String, String) -> Bool, policy: SignInPolicy,
                              lifetime: TimeInterval, ip: String?, now: Date, on db: any Database) async throws -> Outcome {
        let wrong = "登录名或密码不正确 / wrong username or password"
        guard let account = try await UserStore.find(username: username, on: db) else { return .refused(wrong) }
        if account.user.disabled { return .refused("该账号已停用 / this account is disabled") }
        if policy.isLocked(lockedUntil: account.lockedUntil, now: now) {
            return .refused("连续登录失败次数过多，账号暂时锁定，请稍后再试 / too many failed sign-ins; the account is locked for a while")
        }
        let actor = AuditActor(username: account.user.username, role: account.user.role, ip: ip)
        guard verify(password, account.passwordHash) else {
            try await db.transaction { tx in
                let locked = try await UserStore.recordFailure(account, policy: policy, now: now, on: tx)
                try await AuditTrail.append(AccountEvent.signInFailed(account.user, lockedUntil: locked.map { "\($0)" }, maxFailures: policy.maxFailures),
                                            by: actor, at: now, on: tx)
            }
            return .refused(wrong)
        }
        let (token, csrf) = try await db.transaction { tx in
            let opened = try await SessionStore.open(for: account, ip: ip, now: now, lifetime: lifetime, on: tx)
            try await AuditTrail.append(AccountEvent.signedIn(account.user), by: actor, at: now, on: tx)
            return opened
        }
        return .signedIn(token: token, csrf: csrf, mustChangePassword: account.mustChangePassword)
    }

    /// Ends a session.
    public static func signOut(_ session: SessionStore.Session, in ctx: ServiceContext) async throws {
        try await ctx.transaction { tx in
            try await SessionStore.close(session, on: tx.db)
            try await tx.record(AccountEvent.signedOut(session.account.user))
        }
    }

    /// The live session for a cookie, or nil.
    public static func session(cookie: String, now: Date, on db: any Database) async throws -> SessionStore.Session? {
        try await SessionStore.find(token: cookie, now: now, on: db)
    }

    /// The account a live API token belongs to, or nil.
    public static func account(apiToken: String, on db: any Database) async throws -> UserStore.Account? {
        try await SessionStore.account(apiToken: apiToken, on: db)
    }
}
