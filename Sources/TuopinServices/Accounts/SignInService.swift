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

    /// The one answer to every failed sign-in — unknown name, wrong password, disabled or locked account —
    /// so that the answer tells nothing about which accounts exist (issue #19 item 5).
    public static let refusal = "登录失败：登录名或密码不正确，或账号已停用、暂时锁定。如需帮助请联系管理员 / sign-in failed: wrong username or password, or the account is disabled or locked for a while"

    /// Checks a password and opens a session. `verify` compares a password with a hash (off the event loops);
    /// it runs for every attempt — against `decoy`, a hash of the same cost, when there is no usable account —
    /// so that every failure takes as long as a wrong password. Failures are counted in one statement each, so
    /// parallel guesses cannot outrun the lock, and the lock is read again before the session opens.
    public static func signIn(username: String, password: String, verify: @escaping @Sendable (String, String) async -> Bool, decoy: String,
                              policy: SignInPolicy, lifetime: TimeInterval, ip: String?, now: Date, on db: any Database) async throws -> Outcome {
        let account = try await UserStore.find(username: username, on: db)
        let usable = account.map { !$0.user.disabled && !policy.isLocked(lockedUntil: $0.lockedUntil, now: now) } ?? false
        let matches = await verify(password, usable ? account!.passwordHash : decoy)
        guard let account, usable else { return .refused(refusal) }
        let actor = AuditActor(username: account.user.username, role: account.user.role, ip: ip)
        guard matches else {
            try await WriteGate.transaction(on: db) { tx in
                let locked = try await UserStore.recordFailure(account, policy: policy, now: now, on: tx)
                try await AuditTrail.append(AccountEvent.signInFailed(account.user, lockedUntil: locked.map { "\($0)" }, maxFailures: policy.maxFailures),
                                            by: actor, at: now, on: tx)
            }
            return .refused(refusal)
        }
        let opened: (String, String)? = try await WriteGate.transaction(on: db) { tx in
            // Guesses running beside this one may have locked the account since it was read.
            if policy.isLocked(lockedUntil: try await UserStore.lockedUntil(account.user.id!, on: tx), now: now) { return nil }
            let opened = try await SessionStore.open(for: account, ip: ip, now: now, lifetime: lifetime, on: tx)
            try await AuditTrail.append(AccountEvent.signedIn(account.user), by: actor, at: now, on: tx)
            return opened
        }
        guard let (token, csrf) = opened else { return .refused(refusal) }
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
