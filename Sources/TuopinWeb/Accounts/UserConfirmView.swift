import TuopinDomain

/// 确认 — disabling, enabling or resetting the password of an account is asked once more, naming whose.
public enum UserConfirmView {
    public enum Action: String, Sendable, CaseIterable {
        case disable
        case enable
        case resetPassword = "reset-password"
        case unlock

        var title: String {
            switch self {
            case .disable: "停用账号"
            case .enable: "恢复账号"
            case .resetPassword: "重设密码"
            case .unlock: "解除登录锁定"
            }
        }

        var consequence: String {
            switch self {
            case .disable: "停用后该用户立即退出登录，不能再登录，其操作记录保留。"
            case .enable: "恢复后该用户可以重新登录。"
            case .resetPassword: "将生成一次性密码（只显示一次），该用户当前的登录全部结束，下次登录须修改密码。"
            case .unlock: "连续输错密码会锁定账号，也可能是他人冒用。请先与本人核实，再解除锁定；解除后失败次数清零。"
            }
        }
    }

    public struct Model: Sendable {
        public var user: User
        public var action: Action
        public var csrf: String
        public init(user: User, action: Action, csrf: String) {
            self.user = user
            self.action = action
            self.csrf = csrf
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let u = m.user
        let body: HTML = """
            <p>确定要\(m.action.title)：<b>\(u.name)</b>（\(u.username)，\(u.unit)，\(u.role.rawValue)）？</p>
            <p class="muted">\(m.action.consequence)</p>
            <form method="post" action="/users/\(u.username)/\(m.action.rawValue)" class="filters">
            <input type="hidden" name="_csrf" value="\(m.csrf)">
            <button type="submit">确定\(m.action.title)</button> <a href="/users">取消</a>
            </form>
            """
        return Layout.page(title: m.action.title, crumbs: [.init("首页", "/areas"), .init("用户管理", "/users"), .init(m.action.title)],
                           chrome: chrome, body: body)
    }
}
