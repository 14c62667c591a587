import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Users, their passwords (as hashes made by the caller) and sign-in state. Every change is audited.
public enum UserStore {
    public struct Account: Sendable {
        public var user: User
        public var passwordHash: String
        public var failedAttempts: Int
        public var lockedUntil: Date?
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
        let user = User(id: try row.decode(column: "id", as: Int64.self), username: try row.decode(column: "username", as: String.self),
                        name: try row.decode(column: "name", as: String.self), unit: try row.decode(column: "unit", as: String.self),
                        phone: try row.decode(column: "phone", as: String?.self),
                        role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .leader,
                        area: try row.decode(column: "area_code", as: String?.self).flatMap(AreaCode.init),
                        disabled: try row.decode(column: "disabled", as: Bool.self))
        return Account(user: user, passwordHash: try row.decode(column: "password_hash", as: String.self),
                       failedAttempts: try row.decode(column: "failed_attempts", as: Int.self),
                       lockedUntil: try row.decode(column: "locked_until", as: Date?.self))
    }

    public static func find(username: String, on db: any Database) async throws -> Account? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM users WHERE username = \(bind: username)").first().map(account)
    }

    public static func find(id: Int64, on db: any Database) async throws -> Account? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM users WHERE id = \(bind: id)").first().map(account)
    }

    /// Users whose area lies within the scope (all of them for an administrator).
    public static func list(in scope: AccessScope, on db: any Database) async throws -> [User] {
        let rows = try await (db as! any SQLDatabase).raw("SELECT * FROM users ORDER BY username").all()
        // A user without an area (an administrator of the whole system) is listed only to the whole-system scope.
        return try rows.map { try account($0).user }.filter { u in u.area.map(scope.includes) ?? (scope == .everything) }
    }

    public static func count(on db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Adds a user; `by` names who did it, for the audit trail.
    @discardableResult
    public static func add(_ user: User, passwordHash: String, by actor: String, ip: String? = nil, now: Date, on db: any Database) async throws -> Int64 {
        let faults = user.faults()
        guard faults.isEmpty else { throw Failure.invalid(faults) }
        return try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if try await find(username: user.username, on: tx) != nil { throw Failure.usernameTaken(user.username) }
            try await sql.raw("""
                INSERT INTO users (username, name, unit, phone, role, area_code, password_hash, disabled, failed_attempts, created_at)
                VALUES (\(bind: user.username), \(bind: user.name), \(bind: user.unit), \(bind: user.phone), \(bind: user.role.rawValue),
                        \(bind: user.area?.value), \(bind: passwordHash), \(bind: false), \(bind: 0), \(bind: now))
                """).run()
            let id = try await find(username: user.username, on: tx)!.user.id!
            try await AuditTrail.append(.init(actor: actor, ip: ip, action: "user.add", entity: "user", entityID: String(id),
                                              areaCode: user.area?.value, after: describe(user), at: now), on: tx)
            return id
        }
    }

    public static func setDisabled(_ username: String, _ disabled: Bool, by actor: String, ip: String? = nil, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            guard let a = try await find(username: username, on: tx) else { throw Failure.notFound(username) }
            try await (tx as! any SQLDatabase).raw("UPDATE users SET disabled = \(bind: disabled) WHERE id = \(bind: a.user.id!)").run()
            if disabled { try await (tx as! any SQLDatabase).raw("DELETE FROM sessions WHERE user_id = \(bind: a.user.id!)").run() }
            try await AuditTrail.append(.init(actor: actor, ip: ip, action: disabled ? "user.disable" : "user.enable", entity: "user",
                                              entityID: String(a.user.id!), areaCode: a.user.area?.value,
                                              before: AuditTrail.json(["disabled": String(!disabled)]),
                                              after: AuditTrail.json(["disabled": String(disabled)]), at: now), on: tx)
        }
    }

    public static func setPassword(_ username: String, hash: String, by actor: String, ip: String? = nil, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            guard let a = try await find(username: username, on: tx) else { throw Failure.notFound(username) }
            let sql = tx as! any SQLDatabase
            try await sql.raw("UPDATE users SET password_hash = \(bind: hash), failed_attempts = 0, locked_until = NULL WHERE id = \(bind: a.user.id!)").run()
            try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: a.user.id!)").run()
            try await AuditTrail.append(.init(actor: actor, ip: ip, action: "user.reset_password", entity: "user",
                                              entityID: String(a.user.id!), areaCode: a.user.area?.value, at: now), on: tx)
        }
    }

    /// Records a failed sign-in (and a lock when the policy says so), with an audit record.
    public static func recordFailure(_ account: Account, policy: SignInPolicy, ip: String?, now: Date, on db: any Database) async throws {
        let next = policy.afterFailure(failures: account.failedAttempts, now: now)
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).raw("UPDATE users SET failed_attempts = \(bind: next.failures), locked_until = \(bind: next.lockedUntil) WHERE id = \(bind: account.user.id!)").run()
            try await AuditTrail.append(.init(actor: account.user.username, actorRole: account.user.role.rawValue, ip: ip,
                                              action: next.lockedUntil == nil ? "sign_in.failed" : "sign_in.locked", entity: "user",
                                              entityID: String(account.user.id!), areaCode: account.user.area?.value,
                                              reason: next.lockedUntil.map { "连续失败\(policy.maxFailures)次，锁定至\($0) / locked after \(policy.maxFailures) failures" },
                                              at: now), on: tx)
        }
    }

    static func describe(_ u: User) -> String {
        AuditTrail.json(["username": u.username, "name": u.name, "unit": u.unit, "phone": u.phone, "role": u.role.rawValue,
                         "area": u.area?.value, "disabled": String(u.disabled)])
    }
}
