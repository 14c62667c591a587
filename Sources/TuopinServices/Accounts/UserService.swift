import FluentKit
import Foundation
import TuopinDomain
import TuopinStore

/// 用户管理 — accounts within the manager's area: add, disable, enable, reset a password, and API tokens
/// for scripts. Who may manage whom is the domain's rule (`User.mayManage`).
public enum UserService {
    /// The users in the actor's area, and the roles the actor may grant.
    /// `locked`: the end of each sign-in lock still in force, by username (shown so that another administrator
    /// can lift it).
    public static func list(in ctx: ServiceContext) async throws -> (users: [User], roles: [Role], locked: [String: Date]) {
        try ctx.user.require(.manageUsers)
        let accounts = try await UserStore.accounts(in: ctx.user.scope, on: ctx.db)
        let roles = Role.allCases.filter { ctx.user.role == .administrator || $0 != .administrator }
        var locked: [String: Date] = [:]
        for a in accounts { if let until = a.lockedUntil, until > ctx.now { locked[a.user.username] = until } }
        return (accounts.map(\.user), roles, locked)
    }

    /// Adds a user with a password hash the caller made; returns the user with its ID, or the faults by field.
    /// A password someone else chose for the user (`oneTime`, e.g. generated and handed over) must be changed
    /// at the first sign-in.
    public static func add(_ user: User, passwordHash: String, oneTime: Bool, in ctx: ServiceContext) async throws -> FormResult<User> {
        try ctx.user.require(.manageUsers)
        let faults = user.faults()
        guard faults.isEmpty else { return .rejected(FormRejection(faults: faults)) }
        guard ctx.user.mayManage(user) else {
            return .rejected(FormRejection(faults: ["area": "只能在本人所辖区划内新建用户，且只有系统管理员能新建管理员 / you may add users only within your own area, and only an administrator adds administrators"]))
        }
        return try await FormResult.catching {
            try await ctx.transaction { tx in
                let added = try await UserStore.add(user, passwordHash: passwordHash, oneTime: oneTime, now: tx.now, on: tx.db)
                try await tx.record(AccountEvent.added(added))
                return added
            }
        }
    }

    /// 停用 / 恢复 — disabling ends the user's sessions and revokes their API tokens for good; a user enabled
    /// again starts with none (issue #19 item 14: re-enabling revived old tokens).
    public static func setDisabled(_ username: String, _ disabled: Bool, in ctx: ServiceContext) async throws {
        try await ctx.transaction { tx in
            try await requireManageable(username, in: tx)
            let user = try await UserStore.setDisabled(username, disabled, on: tx.db)
            try await tx.record(AccountEvent.disabledChanged(user, disabled: disabled))
            if disabled {
                let revoked = try await SessionStore.revokeAPITokens(of: user, now: tx.now, on: tx.db)
                if revoked > 0 { try await tx.record(AccountEvent.tokensRevoked(user, count: revoked)) }
            }
        }
    }

    /// 重设密码 — with a hash the caller made of a one-time password: it must be changed at the next sign-in.
    /// Lifts a lock and ends the user's sessions. Only a higher rank may reset (`User.mayManage`).
    public static func resetPassword(_ username: String, hash: String, in ctx: ServiceContext) async throws {
        try await ctx.transaction { tx in
            try await requireManageable(username, in: tx)
            let user = try await UserStore.setPassword(username, hash: hash, oneTime: true, on: tx.db)
            try await tx.record(AccountEvent.passwordReset(user, by: "\(tx.user.name)（\(tx.user.unit)）"))
        }
    }

    /// 修改本人密码 — the signed-in user's own password: the current one must be given (`verify` compares it with
    /// the stored hash), the new one follow the password rule and differ from it; other sessions end.
    public static func changeOwnPassword(current: String, new: String, confirm: String, session: Int64?,
                                         verify: @escaping @Sendable (String, String) -> Bool,
                                         hash: @escaping @Sendable (String) throws -> String, in ctx: ServiceContext) async throws -> FormResult<Void> {
        guard let account = try await UserStore.find(username: ctx.user.username, on: ctx.db) else { throw Refused.noSuchUser }
        var faults: [String: String] = [:]
        if !verify(current, account.passwordHash) { faults["current"] = "当前密码不正确 / the current password is wrong" }
        if let fault = PasswordRule.faults(new) { faults["new"] = fault }
        else if new == current { faults["new"] = "新密码不能与当前密码相同 / the new password must differ from the current one" }
        if confirm != new { faults["confirm"] = "两次输入的新密码不一致 / the two new passwords differ" }
        guard faults.isEmpty else { return .rejected(FormRejection(faults: faults)) }
        let hashed = try hash(new)
        try await ctx.transaction { tx in
            let user = try await UserStore.setPassword(tx.user.username, hash: hashed, oneTime: false, keeping: session, on: tx.db)
            try await tx.record(AccountEvent.passwordChanged(user))
        }
        return .done(())
    }

    /// 解除锁定 — lifts a sign-in lock (an anonymous flood of wrong passwords can lock an administrator out;
    /// another administrator, or the server's command line, lets them in again).
    public static func unlock(_ username: String, in ctx: ServiceContext) async throws {
        try await ctx.transaction { tx in
            try await requireManageable(username, in: tx)
            let before = try await UserStore.unlock(username, on: tx.db)
            let until = before.lockedUntil.flatMap { $0 > tx.now ? "\($0)" : nil }
            try await tx.record(AccountEvent.unlocked(before.user, until: until, by: "\(tx.user.name)（\(tx.user.unit)）"))
        }
    }

    /// A new API token for a user (shown once).
    public static func issueToken(for username: String, label: String, in ctx: ServiceContext) async throws -> String {
        try await ctx.transaction { tx in
            let user = try await requireManageable(username, in: tx)
            let token = try await SessionStore.issueAPIToken(for: user, label: label, now: tx.now, on: tx.db)
            try await tx.record(AccountEvent.tokenIssued(user, label: label))
            return token
        }
    }

    /// Revokes every token of a user; returns how many.
    public static func revokeTokens(of username: String, in ctx: ServiceContext) async throws -> Int {
        try await ctx.transaction { tx in
            let user = try await requireManageable(username, in: tx)
            let n = try await SessionStore.revokeAPITokens(of: user, now: tx.now, on: tx.db)
            try await tx.record(AccountEvent.tokensRevoked(user, count: n))
            return n
        }
    }

    /// An account the actor may manage (for the page that asks before changing it).
    public static func manageable(_ username: String, in ctx: ServiceContext) async throws -> User {
        try await requireManageable(username, in: ctx)
    }

    /// The user named, if the actor may manage them; otherwise they look like no user at all.
    @discardableResult
    static func requireManageable(_ username: String, in ctx: ServiceContext) async throws -> User {
        try ctx.user.require(.manageUsers)
        guard let account = try await UserStore.find(username: username, on: ctx.db) else { throw UserStore.Failure.notFound(username) }
        try ctx.user.requireManagement(of: account.user)
        return account.user
    }
}
