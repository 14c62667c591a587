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

    public static func page(title: String, crumbs: [Crumb] = [], body: String) -> String {
        let trail = crumbs.map { c in
            c.href.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(c.title))</a>" } ?? "<span>\(HTML.escape(c.title))</span>"
        }.joined(separator: " › ")
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · 脱贫攻坚指挥系统</title>
        <link rel="stylesheet" href="/assets/app.css">
        </head>
        <body>
        <header class="top"><a class="brand" href="/areas">脱贫攻坚指挥系统</a><span class="sub">建档立卡</span></header>
        <nav class="crumbs">\(trail)</nav>
        <main>
        <h1>\(HTML.escape(title))</h1>
        \(body)
        </main>
        <footer>Tuopin · 数据以本系统登记为准 · 打印时间以打印机页眉为准</footer>
        </body>
        </html>
        """
    }
}
