import TuopinDomain

/// 用户管理 — the users in the manager's area, a form to add one, and buttons to disable, enable
/// and reset a password.
public enum UserListView {
    public struct Model: Sendable {
        public var users: [User]
        public var form: [String: String]
        public var faults: [String: String]
        public var notice: String?
        public var csrf: String
        public var roles: [Role]
        /// The end of each sign-in lock in force, by username, as shown.
        public var locked: [String: String]
        public init(users: [User], form: [String: String] = [:], faults: [String: String] = [:], notice: String? = nil, csrf: String, roles: [Role],
                    locked: [String: String] = [:]) {
            self.users = users
            self.locked = locked
            self.form = form
            self.faults = faults
            self.notice = notice
            self.csrf = csrf
            self.roles = roles
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let hidden: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(m.csrf)\">"
        let rows = m.users.map { u -> HTML in
            let action = u.disabled ? "enable" : "disable"
            let lock = m.locked[u.username]
            let state: HTML = u.disabled ? "<span class=\"bad\">已停用</span>"
                : lock.map { "<span class=\"bad\">已锁定至 \($0)</span>" } ?? "正常"
            let unlock: HTML = lock == nil ? .empty : "　<a href=\"/users/\(u.username)/confirm/unlock\">解除锁定</a>"
            return """
            <tr><td>\(u.username)</td><td>\(u.name)</td><td>\(u.unit)</td><td>\(u.phone.map(IDMask.phone) ?? "")</td>\
            <td>\(u.role.rawValue)</td><td>\(u.area?.prefix ?? "—")</td><td>\(state)</td>\
            <td class="noprint"><a href="/users/\(u.username)/confirm/\(action)">\(u.disabled ? "恢复" : "停用")</a>　\
            <a href="/users/\(u.username)/confirm/reset-password">重设密码</a>\(unlock)</td></tr>
            """
        }.joined(separator: "\n")
        func fault(_ key: String) -> HTML { m.faults[key].map { f -> HTML in "<span class=\"bad\" id=\"\(key)-fault\">\(f)</span>" } ?? .empty }
        func field(_ key: String, _ label: String) -> HTML {
            let invalid: HTML = m.faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(key)-fault\""
            return "<label>\(label)<input name=\"\(key)\" value=\"\(m.form[key] ?? "")\"\(invalid)>\(fault(key))</label>"
        }
        // The weakest role first and chosen unless another was: a slip gives too little, never too much.
        let roles = m.roles.sorted { ($0.rank, $0.key) < ($1.rank, $1.key) }
        let chosen = m.form["role"].flatMap { k in roles.first { $0.key == k } } ?? roles.first
        let roleOptions = roles.map { r -> HTML in
            "<option value=\"\(r.key)\"\(r == chosen ? " selected" : "")>\(r.rawValue)</option>"
        }
        let notice = m.notice.map { n -> HTML in "<p class=\"ok\" role=\"status\">\(n)</p>" }
        let body: HTML = """
            \(notice.orEmpty)
            <table><thead><tr><th scope="col">登录名</th><th scope="col">姓名</th><th scope="col">单位</th><th scope="col">电话</th><th scope="col">角色</th><th scope="col">区划</th><th scope="col">状态</th><th scope="col"></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>新建用户</h2>
            <form class="filters" method="post" action="/users">\(hidden)
            \(field("username", "登录名"))\(field("name", "姓名"))\(field("unit", "单位"))\(field("phone", "电话"))
            <label>角色<select name="role">\(roleOptions)</select>\(fault("role"))</label>
            \(field("area", "区划代码"))
            <button type="submit">新建（生成初始密码）</button>
            </form>
            """
        return Layout.page(title: "用户管理", crumbs: [.init("首页", "/areas"), .init("用户管理")], chrome: chrome, body: body)
    }
}
