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

    /// Who is signed in, for the header: their name, role and unit, what the navigation offers them (only what
    /// their role may open), how many change requests wait for them, the sign-out form with its CSRF token,
    /// and the date a printed page carries.
    public struct Chrome: Sendable {
        public var name: String
        public var role: String
        public var unit: String
        public var csrfToken: String?
        public var canViewAudit: Bool
        public var canManageUsers: Bool
        /// 变更申请: the viewer edits or approves.
        public var handlesChanges: Bool
        /// 待我审批: requests waiting for the viewer's level in the viewer's area (nil: the viewer approves nothing).
        public var awaitingApproval: Int?
        /// 打印日期
        public var printedOn: String
        /// 我的帮扶: the viewer logs their own work; 履职情况: the viewer oversees it.
        public var logsWork = false
        public var overseesDuty = false
        /// 问题清单: the viewer lists, rectifies or reviews problems.
        public var handlesProblems = false
        /// 评估: the viewer organises evaluations, or works on one as an evaluator, or leads.
        public var seesEvaluations = false
        /// 资金项目: the viewer proposes projects or manages funds (leaders read them).
        public var handlesFunds = false
        public init(name: String, role: String, unit: String = "", csrfToken: String?, canViewAudit: Bool = false, canManageUsers: Bool = false,
                    handlesChanges: Bool = true, awaitingApproval: Int? = nil, printedOn: String = "") {
            self.name = name
            self.role = role
            self.unit = unit
            self.csrfToken = csrfToken
            self.canViewAudit = canViewAudit
            self.canManageUsers = canManageUsers
            self.handlesChanges = handlesChanges
            self.awaitingApproval = awaitingApproval
            self.printedOn = printedOn
        }
    }

    /// How a page prints: with a print button, on a landscape sheet (wide tables), with signature lines.
    public struct Print: Sendable {
        public var button: Bool
        public var landscape: Bool
        public var signatures: [String]
        public init(button: Bool = true, landscape: Bool = false, signatures: [String] = []) {
            self.button = button
            self.landscape = landscape
            self.signatures = signatures
        }
    }

    public static func page(title: String, crumbs: [Crumb] = [], chrome: Chrome? = nil, print: Print? = nil, body: HTML) -> HTML {
        let trail = crumbs.map { c -> HTML in
            c.href.map { "<a href=\"\($0)\">\(c.title)</a>" } ?? "<span>\(c.title)</span>"
        }.joined(separator: " › ")
        let area = crumbs.dropFirst().map(\.title).joined(separator: " ")
        let printHead: HTML = chrome.map { c in
            "<div class=\"print-head\"><span>打印单位：\(c.unit)（\(c.name)）</span><span>\(area)</span><span>打印日期：\(c.printedOn)</span></div>"
        } ?? .empty
        let button: HTML = print?.button == true ? "<p class=\"noprint\"><button type=\"button\" class=\"print-button\">打印本页</button></p>" : .empty
        let signatures: HTML = print.map { p -> HTML in
            p.signatures.isEmpty ? .empty : "<div class=\"signatures\">\(p.signatures.map { s -> HTML in "<div>\(s)：</div>" })</div>"
        } ?? .empty
        let mainClass: HTML = print?.landscape == true ? " class=\"wide\"" : .empty
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · 脱贫攻坚指挥系统</title>
        <link rel="stylesheet" href="/assets/app.css">
        <script src="/assets/app.js" defer></script>
        </head>
        <body>
        <header class="top"><a class="brand" href="/areas">脱贫攻坚指挥系统</a><span class="sub">建档立卡</span>\(user(chrome))</header>
        <nav class="crumbs">\(trail)</nav>
        <main\(mainClass)>
        \(printHead)<h1>\(title)</h1>
        \(button)\(body)\(signatures)
        </main>
        <footer>Tuopin · 数据以本系统登记为准</footer>
        </body>
        </html>
        """
    }

    static func user(_ c: Chrome?) -> HTML {
        guard let c else { return .empty }
        var links: HTML = """
            <form method="get" action="/search" class="inline search" role="search"><input type="search" name="q" placeholder="姓名、证件号码或户编号" \
            aria-label="查找贫困户" size="14"><button type="submit">查找</button></form>
            """
        if let n = c.awaitingApproval { links += "<a href=\"/changes?waiting=mine\">待我审批\(n > 0 ? "（\(n)）" : "")</a>" }
        if c.handlesChanges { links += "<a href=\"/changes\">变更申请</a>" }
        if c.logsWork { links += "<a href=\"/my\">我的帮扶</a>" }
        if c.overseesDuty { links += "<a href=\"/duty\">履职情况</a>" }
        if c.handlesProblems { links += "<a href=\"/problems\">问题清单</a>" }
        if c.handlesFunds { links += "<a href=\"/funds\">资金项目</a>" }
        if c.handlesProblems { links += "<a href=\"/match\">信息比对</a>" }
        if c.seesEvaluations { links += "<a href=\"/evaluations\">评估</a>" }
        links += "<a href=\"/standards\">扶贫标准</a>"
        if c.canViewAudit { links += "<a href=\"/audit\">痕迹查询</a>" }
        if c.canManageUsers { links += "<a href=\"/users\">用户管理</a>" }
        links += "<a href=\"/account/password\">修改密码</a>"
        let signOut = c.csrfToken.map { token -> HTML in
            "<form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(token)\"><button type=\"submit\">退出</button></form>"
        }
        return "<span class=\"who\">\(links)<span>\(c.name)（\(c.role)）</span>\(signOut.orEmpty)</span>"
    }
}
