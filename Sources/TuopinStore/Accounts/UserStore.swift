import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Users, their passwords (as hashes made by the caller) and sign-in state. Writes run inside the caller's
/// transaction; `AccountService` checks who may make them and records them in the audit trail.
public enum UserStore {
    public struct Account: Sendable {
        public var user: User
        public var passwordHash: String
        public var failedAttempts: Int
        public var lockedUntil: Date?
        /// The password was set by someone else (a new account, a reset) and must be changed at sign-in.
        public var mustChangePassword: Bool
    }

    public enum Failure: Refusal, Equatable {
        case invalid([String: String])
        case usernameTaken(String)
        case notFound(String)
        public var kind: RefusalKind {
            switch self {
            case .invalid: .invalid
            case .usernameTaken: .conflict
            case .notFound: .notFound
            }
        }
        public var chinese: String {
            switch self {
            case .invalid(let f): f.keys.sorted().map { f[$0]! }.joined(separator: "；")
            case .usernameTaken(let u): "登录名“\(u)”已被使用"
            case .notFound(let u): "没有用户“\(u)”"
            }
        }
        public var english: String {
            switch self {
            case .invalid: ""
            case .usernameTaken(let u): "the username '\(u)' is taken"
            case .notFound(let u): "no user '\(u)'"
            }
        }
        public var field: String? {
            switch self {
            case .invalid(let f): f.keys.sorted().first
            case .usernameTaken: "username"
            case .notFound: nil
            }
        }
    }

    static func account(_ row: any SQLRow) throws -> Account {
        let user = User(id: User.ID(try row.decode(column: "id", as: Int64.self)), username: try row.decode(column: "username", as: String.self),
                        name: try row.decode(column: "name", as: String.self), unit: try row.decode(column: "unit", as: String.self),
                        phone: try row.decode(column: "phone", as: String?.self),
                        role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .leader,
                        area: try row.decode(column: "area_code", as: String?.self).flatMap(AreaCode.init),
                        disabled: try row.decode(column: "disabled", as: Bool.self))
        return Account(user: user, passwordHash: try row.decode(column: "password_hash", as: String.self),
                       failedAttempts: try row.decode(column: "failed_attempts", as: Int.self),
                       lockedUntil: try row.decode(column: "locked_until", as: Date?.self),
                       mustChangePassword: try row.decode(column: "must_change_password", as: Bool?.self) ?? false)
    }

    public static func find(username: String, on db: any Database) async throws -> Account? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM users WHERE username = \(bind: username)").first().map(account)
    }

    public static func find(id: User.ID, on db: any Database) async throws -> Account? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM users WHERE id = \(bind: id.rawValue)").first().map(account)
    }

    /// Users whose area lies within the scope (all of them for an administrator).
    public static func list(in scope: AccessScope, on db: any Database) async throws -> [User] {
        try await accounts(in: scope, on: db).map(\.user)
    }

    /// The accounts (with their sign-in state) whose area lies within the scope.
    public static func accounts(in scope: AccessScope, on db: any Database) async throws -> [Account] {
        let rows = try await (db as! any SQLDatabase).raw("SELECT * FROM users ORDER BY username").all()
        // A user without an area (an administrator of the whole system) is listed only to the whole-system scope.
        return try rows.map(account).filter { a in a.user.area.map(scope.includes) ?? (scope == .everything) }
    }

    /// "姓名（单位）" of each login found (for pages that name who did something).
    public static func labels(of logins: [String], on db: any Database) async throws -> [String: String] {
        var labels: [String: String] = [:]
        let sql = db as! any SQLDatabase
        let unique = Array(Set(logins)).sorted()
        for start in stride(from: 0, to: unique.count, by: 500) {
            let part = Array(unique[start..<min(start + 500, unique.count)])
            for row in try await sql.raw("SELECT username, name, unit FROM users WHERE username IN (\(binds: part))").all() {
                labels[try row.decode(column: "username", as: String.self)] =
                    "\(try row.decode(column: "name", as: String.self))（\(try row.decode(column: "unit", as: String.self))）"
            }
        }
        return labels
    }

    public static func count(on db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Adds a user and returns it with its ID; with `oneTime`, the password must be changed at the first sign-in.
    public static func add(_ user: User, passwordHash: String, oneTime: Bool = false, now: Date, on db: any Database) async throws -> User {
        let faults = user.faults()
        guard faults.isEmpty else { throw Failure.invalid(faults) }
        let sql = db as! any SQLDatabase
        if try await find(username: user.username, on: db) != nil { throw Failure.usernameTaken(user.username) }
        try await sql.raw("""
            INSERT INTO users (username, name, unit, phone, role, area_code, password_hash, disabled, failed_attempts, created_at, must_change_password)
            VALUES (\(bind: user.username), \(bind: user.name), \(bind: user.unit), \(bind: user.phone), \(bind: user.role.rawValue),
                    \(bind: user.area?.value), \(bind: passwordHash), \(bind: false), \(bind: 0), \(bind: now), \(bind: oneTime))
            """).run()
        return try await find(username: user.username, on: db)!.user
    }

    /// Disables or enables a user (disabling ends their sessions); returns the user as it was.
    public static func setDisabled(_ username: String, _ disabled: Bool, on db: any Database) async throws -> User {
        guard let a = try await find(username: username, on: db) else { throw Failure.notFound(username) }
        let sql = db as! any SQLDatabase
        try await sql.raw("UPDATE users SET disabled = \(bind: disabled) WHERE id = \(bind: a.user.id!.rawValue)").run()
        if disabled { try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: a.user.id!.rawValue)").run() }
        return a.user
    }

    /// Sets a new password hash and lifts any lock; with `oneTime` it must be changed at the next sign-in and
    /// the user's sessions end (a reset), otherwise other sessions than `keeping` end (the user's own change).
    public static func setPassword(_ username: String, hash: String, oneTime: Bool, keeping session: Int64? = nil,
                                   on db: any Database) async throws -> User {
        guard let a = try await find(username: username, on: db) else { throw Failure.notFound(username) }
        let sql = db as! any SQLDatabase
        let id = a.user.id!.rawValue
        try await sql.raw("""
            UPDATE users SET password_hash = \(bind: hash), failed_attempts = 0, locked_until = NULL, must_change_password = \(bind: oneTime)
            WHERE id = \(bind: id)
            """).run()
        try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: id) AND id <> \(bind: session ?? -1)").run()
        return a.user
    }

    /// Counts a failed sign-in in one statement — parallel guesses each add one, whatever they read before —
    /// and locks the account once the count reaches the policy's limit; returns the lock's end, if any.
    public static func recordFailure(_ account: Account, policy: SignInPolicy, now: Date, on db: any Database) async throws -> Date? {
        let sql = db as! any SQLDatabase
        let id = account.user.id!.rawValue
        let until = now.addingTimeInterval(policy.lockDuration)
        try await sql.raw("""
            UPDATE users SET
              locked_until = CASE WHEN failed_attempts + 1 >= \(bind: policy.maxFailures) THEN \(bind: until) ELSE locked_until END,
              failed_attempts = CASE WHEN failed_attempts + 1 >= \(bind: policy.maxFailures) THEN 0 ELSE failed_attempts + 1 END
            WHERE id = \(bind: id)
            """).run()
        let row = try await sql.raw("SELECT locked_until FROM users WHERE id = \(bind: id)").first()
        let locked = try row?.decode(column: "locked_until", as: Date?.self)
        return locked.flatMap { policy.isLocked(lockedUntil: $0, now: now) ? $0 : nil }
    }

    /// The lock's end now (nil: not locked), read again just before a session opens.
    public static func lockedUntil(_ id: User.ID, on db: any Database) async throws -> Date? {
        try await (db as! any SQLDatabase).raw("SELECT locked_until FROM users WHERE id = \(bind: id.rawValue)").first()?
            .decode(column: "locked_until", as: Date?.self)
    }

    /// 解除锁定 — lifts a sign-in lock; returns the account as it was (with the lock's end, if any).
    public static func unlock(_ username: String, on db: any Database) async throws -> Account {
        guard let a = try await find(username: username, on: db) else { throw Failure.notFound(username) }
        try await (db as! any SQLDatabase).raw("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = \(bind: a.user.id!.rawValue)").run()
        return a
    }
}
