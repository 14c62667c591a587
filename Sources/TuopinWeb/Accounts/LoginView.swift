/// 登录页
public enum LoginView {
    public struct Model: Sendable {
        public var username: String
        public var next: String
        /// The sign-in form's CSRF token (also in its cookie).
        public var csrf: String
        public var message: String?
        public init(username: String = "", next: String = "/areas", csrf: String, message: String? = nil) {
            self.username = username
            self.next = next
            self.csrf = csrf
            self.message = message
        }
    }

    public static func render(_ m: Model) -> HTML {
        let message = m.message.map { text -> HTML in "<p class=\"bad\" role=\"alert\">\(text)</p>" }
        return Layout.page(title: "登录", body: """
            \(message.orEmpty)
            <form class="filters" method="post" action="/login">
            <input type="hidden" name="_csrf" value="\(m.csrf)">
            <input type="hidden" name="next" value="\(m.next)">
            <label>登录名<input name="username" value="\(m.username)" autocomplete="username" required></label>
            <label>密码<input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">登录</button>
            </form>
            <p class="muted">首次使用：请向本单位的系统管理员申请账号。 / First use: ask your system administrator for an account.</p>
            """)
    }
}
