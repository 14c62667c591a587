/// The page frame every page shares: title, breadcrumbs, a print-friendly stylesheet served by the app.
public struct Layout {
    public struct Crumb: Sendable {
        public var title: String
        public var href: String?
        public init(_ title: String, _ href: String? = nil) {
            self.title = title
            self.href = href
        }
    }

    /// Who is signed in, for the header (name, role, and the sign-out form with its CSRF token).
    public struct Chrome: Sendable {
        public var name: String
        public var role: String
        public var csrfToken: String?
        public var canViewAudit: Bool
        public var canManageUsers: Bool
        public init(name: String, role: String, csrfToken: String?, canViewAudit: Bool = false, canManageUsers: Bool = false) {
            self.name = name
            self.role = role
            self.csrfToken = csrfToken
            self.canViewAudit = canViewAudit
            self.canManageUsers = canManageUsers
        }
    }

    public static func page(title: String, crumbs: [Crumb] = [], chrome: Chrome? = nil, body: HTML) -> HTML {
        let trail = crumbs.map { c -> HTML in
            c.href.map { "<a href=\"\($0)\">\(c.title)</a>" } ?? "<span>\(c.title)</span>"
        }.joined(separator: " › ")
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · 脱贫攻坚指挥系统</title>
        <link rel="stylesheet" href="/assets/app.css">
        </head>
        <body>
        <header class="top"><a class="brand" href="/areas">脱贫攻坚指挥系统</a><span class="sub">建档立卡</span>\(user(chrome))</header>
        <nav class="crumbs">\(trail)</nav>
        <main>
        <h1>\(title)</h1>
        \(body)
        </main>
        <footer>Tuopin · 数据以本系统登记为准 · 打印时间以打印机页眉为准</footer>
        </body>
        </html>
        """
    }

    static func user(_ c: Chrome?) -> HTML {
        guard let c else { return .empty }
        var links: HTML = "<a href=\"/changes\">变更申请</a><a href=\"/standards\">扶贫标准</a>"
        if c.canViewAudit { links += "<a href=\"/audit\">痕迹查询</a>" }
        if c.canManageUsers { links += "<a href=\"/users\">用户管理</a>" }
        let signOut = c.csrfToken.map { token -> HTML in
            "<form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(token)\"><button type=\"submit\">退出</button></form>"
        }
        return "<span class=\"who\">\(links)<span>\(c.name)（\(c.role)）</span>\(signOut.orEmpty)</span>"
    }
}
