import TuopinDomain

/// The exit test of an area's households for a year: meeting / not meeting, each missing item counted,
/// and how many are held back by one item alone.
enum ExitCheckView {
    static func render(area: Area?, lineage: [Area], year: Int, total: ExitTally, byChild: [AreaCode: ExitTally],
                       names: [AreaCode: String], chrome: Layout.Chrome?) -> HTML {
        let items = total.shownItems
        func cells(_ t: ExitTally) -> HTML {
            "<td class=\"num\">\(HTML.count(t.households))</td><td class=\"num\">\(HTML.count(t.meeting))</td><td class=\"num\">\(HTML.count(t.notMeeting))</td>"
                + items.map { i -> HTML in "<td class=\"num\">\(HTML.count(t.missing[i] ?? 0))</td>" }.joined()
        }
        let rows = byChild.keys.sorted().map { c -> HTML in
            "<tr><td><a href=\"/areas/\(c.value)/exit?year=\(year)\">\(names[c] ?? c.prefix)</a></td>\(cells(byChild[c]!))</tr>"
        }
        let only = items.compactMap { i in total.onlyMissing[i].map { "\(i.label) \(HTML.count($0)) 户" } }.joined(separator: "；")
        let missingHeads = items.map { i -> HTML in "<th class=\"num\">缺\(i.shortLabel)</th>" }
        let body: HTML = """
            <p>按 \(year) 年扶贫标准逐户核验，年龄按 \(year)-12-31 计算。<a href="/standards">查看扶贫标准</a>　命令行：<code>tuopin evaluate --year \(year) --area \(area?.code.prefix ?? "")</code></p>
            <table><thead><tr><th>区划</th><th class="num">户数</th><th class="num">达标</th><th class="num">未达标</th>\(missingHeads)</tr></thead>
            <tbody>\(rows)<tr><th>合计</th>\(cells(total))</tr></tbody></table>
            <p>仅差一项：\(only.isEmpty ? "无" : only)</p>
            """
        let crumbs = [Layout.Crumb("首页", "/areas")] + lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb("脱贫标准核验")]
        return Layout.page(title: "\(area?.name ?? "") \(year)年脱贫标准核验", crumbs: crumbs, chrome: chrome, body: body)
    }
}
