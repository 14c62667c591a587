import TuopinDomain

/// 修改密码 — the form to change one's own password, and what the rule asks of a new one.
public enum PasswordView {
    public struct Model: Sendable {
        public var csrf: String
        /// The password was set by someone else and must be changed now.
        public var oneTime: Bool
        public var faults: [String: String] = [:]
        public var notice: String?
        public init(csrf: String, oneTime: Bool) {
            self.csrf = csrf
            self.oneTime = oneTime
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        func field(_ name: String, _ label: String, _ autocomplete: String) -> HTML {
            let fault = m.faults[name].map { f -> HTML in "<span class=\"bad\" id=\"\(name)-fault\">\(f)</span>" }
            let invalid: HTML = m.faults[name] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(name)-fault\""
            return "<label>\(label)<input name=\"\(name)\" type=\"password\" autocomplete=\"\(autocomplete)\" required\(invalid)>\(fault.orEmpty)</label>"
        }
        let intro: HTML = m.oneTime
            ? "<p class=\"bad\" role=\"alert\">您的密码由他人设置（新账号或重设），须先修改为只有您知道的密码，才能继续使用本系统。</p>"
            : .empty
        let notice = m.notice.map { n -> HTML in "<p class=\"ok\" role=\"status\">\(n)　<a href=\"/areas\">返回首页</a></p>" }
        let body: HTML = """
            \(intro)\(notice.orEmpty)
            <form class="filters" method="post" action="/account/password">
            <input type="hidden" name="_csrf" value="\(m.csrf)">
            \(field("current", m.oneTime ? "一次性密码" : "当前密码", "current-password"))
            \(field("new", "新密码", "new-password"))
            \(field("confirm", "再输入一次新密码", "new-password"))
            <button type="submit">修改密码</button>
            </form>
            <p class="muted">新密码至少\(PasswordRule.minimumLength)位，不能只含数字或只含字母，不能是常见密码。</p>
            """
        return Layout.page(title: "修改密码", crumbs: [.init("首页", "/areas"), .init("修改密码")], chrome: chrome, body: body)
    }
}
