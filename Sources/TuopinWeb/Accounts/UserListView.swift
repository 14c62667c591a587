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
        public init(users: [User], form: [String: String] = [:], faults: [String: String] = [:], notice: String? = nil, csrf: String, roles: [Role]) {
            self.users = users
            self.form = form
            self.faults = faults
            self.notice = notice
            self.csrf = csrf
            self.roles = roles
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> String {
        let hidden = "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(m.csrf))\">"
        let rows = m.users.map { u -> String in
            let action = u.disabled ? "enable" : "disable"
            return """
            <tr><td>\(HTML.escape(u.username))</td><td>\(HTML.escape(u.name))</td><td>\(HTML.escape(u.unit))</td><td>\(HTML.escape(u.phone.map(IDMask.mask) ?? ""))</td>\
            <td>\(HTML.escape(u.role.rawValue))</td><td>\(HTML.escape(u.area?.prefix ?? "—"))</td><td>\(u.disabled ? "<span class=\"bad\">已停用</span>" : "正常")</td>\
            <td><form method="post" action="/users/\(HTML.escape(u.username))/\(action)" class="inline">\(hidden)<button type="submit">\(u.disabled ? "恢复" : "停用")</button></form>
            <form method="post" action="/users/\(HTML.escape(u.username))/reset-password" class="inline">\(hidden)<button type="submit">重设密码</button></form></td></tr>
            """
        }.joined(separator: "\n")
        func field(_ key: String, _ label: String) -> String {
            let fault = m.faults[key].map { "<span class=\"bad\">\(HTML.escape($0))</span>" } ?? ""
            return "<label>\(label)<input name=\"\(key)\" value=\"\(HTML.escape(m.form[key] ?? ""))\">\(fault)</label>"
        }
        let roleOptions = m.roles.map { r in
            "<option value=\"\(r.key)\"\(m.form["role"] == r.key ? " selected" : "")>\(HTML.escape(r.rawValue))</option>"
        }.joined()
        let body = """
            \(m.notice.map { "<p class=\"ok\" role=\"status\">\(HTML.escape($0))</p>" } ?? "")
            <table><thead><tr><th>登录名</th><th>姓名</th><th>单位</th><th>电话</th><th>角色</th><th>区划</th><th>状态</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>新建用户</h2>
            <form class="filters" method="post" action="/users">\(hidden)
            \(field("username", "登录名"))\(field("name", "姓名"))\(field("unit", "单位"))\(field("phone", "电话"))
            <label>角色<select name="role">\(roleOptions)</select>\(m.faults["role"].map { "<span class=\"bad\">\(HTML.escape($0))</span>" } ?? "")</label>
            \(field("area", "区划代码"))
            <button type="submit">新建（生成初始密码）</button>
            </form>
            """
        return Layout.page(title: "用户管理", crumbs: [.init("首页", "/areas"), .init("用户管理")], chrome: chrome, body: body)
    }
}
