/// 账号痕迹 — sign-ins, accounts and API tokens.
public enum AccountEvent: AuditEvent {
    public static let groupLabel = "账号"

    case signedIn(User)
    case signInFailed(User, lockedUntil: String?, maxFailures: Int)
    case signedOut(User)
    case added(User)
    case disabledChanged(User, disabled: Bool)
    /// Someone else set the user's password (`by`: their name and unit); it must be changed at the next sign-in.
    case passwordReset(User, by: String)
    /// The user changed their own password.
    case passwordChanged(User)
    case tokenIssued(User, label: String)
    case tokensRevoked(User, count: Int)
    /// Someone (`by`: name and unit, or the server's command line) lifted a sign-in lock that would have ended at `until`.
    case unlocked(User, until: String?, by: String)

    public enum Action: String, AuditActionKind {
        case signIn = "sign_in"
        case signInFailed = "sign_in.failed"
        case signInLocked = "sign_in.locked"
        case signOut = "sign_out"
        case add = "user.add"
        case disable = "user.disable"
        case enable = "user.enable"
        case resetPassword = "user.reset_password"
        case changePassword = "user.change_password"
        case issueToken = "api_token.issue"
        case revokeTokens = "api_token.revoke"
        case unlock = "user.unlock"

        public var label: String {
            switch self {
            case .signIn: "登录"
            case .signInFailed: "登录失败"
            case .signInLocked: "登录失败并锁定"
            case .signOut: "退出登录"
            case .add: "新建用户"
            case .disable: "停用用户"
            case .enable: "恢复用户"
            case .resetPassword: "重设密码"
            case .changePassword: "修改本人密码"
            case .issueToken: "发放 API 令牌"
            case .revokeTokens: "撤销 API 令牌"
            case .unlock: "解除登录锁定"
            }
        }
    }

    public var action: Action {
        switch self {
        case .signedIn: .signIn
        case .signInFailed(_, let locked, _): locked == nil ? .signInFailed : .signInLocked
        case .signedOut: .signOut
        case .added: .add
        case .disabledChanged(_, let disabled): disabled ? .disable : .enable
        case .passwordReset: .resetPassword
        case .passwordChanged: .changePassword
        case .tokenIssued: .issueToken
        case .tokensRevoked: .revokeTokens
        case .unlocked: .unlock
        }
    }

    var user: User {
        switch self {
        case .signedIn(let u), .signInFailed(let u, _, _), .signedOut(let u), .added(let u), .disabledChanged(let u, _), .passwordReset(let u, _),
             .passwordChanged(let u), .tokenIssued(let u, _), .tokensRevoked(let u, _),
             .unlocked(let u, _, _): u
        }
    }

    public var subject: AuditSubject { .user(user.id) }

    public var area: AreaCode? {
        switch self {
        case .signedOut, .tokenIssued, .tokensRevoked: nil
        default: user.area
        }
    }

    public var before: [String: String?]? {
        if case .disabledChanged(_, let disabled) = self { return ["disabled": String(!disabled)] }
        return nil
    }

    public var after: [String: String?]? {
        switch self {
        case .added(let u):
            ["username": u.username, "name": u.name, "unit": u.unit, "phone": u.phone, "role": u.role.rawValue, "area": u.area?.value,
             "disabled": String(u.disabled)]
        case .disabledChanged(_, let disabled): ["disabled": String(disabled)]
        case .passwordReset(let u, let by):
            ["用户": "\(u.name)（\(u.username)）", "重设人": by, "一次性密码": "须在下次登录时修改 / must be changed at the next sign-in"]
        case .tokenIssued(_, let label): ["label": label]
        case .tokensRevoked(_, let n): ["revoked": String(n)]
        case .unlocked(let u, let until, let by):
            ["用户": "\(u.name)（\(u.username)）", "原锁定至": until ?? "未锁定 / not locked", "解除人": by]
        default: nil
        }
    }

    public var reason: String? {
        if case .signInFailed(_, let locked?, let max) = self { return "连续失败\(max)次，锁定至\(locked) / locked after \(max) failures" }
        return nil
    }
}
