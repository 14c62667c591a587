import TuopinDomain
import TuopinStore

/// 防返贫监测名单 — the exited households of an area that the monitoring rules flag, by category, with
/// the reasons in figures.
enum MonitoringView {
    static let perPage = 100

    struct Model {
        var area: Area
        var lineage: [Area]
        var year: Int
        var years: [Int]
        var listing: MonitoringStore.Listing
        var names: [AreaCode: String]
        var standards: StandardSet
        /// Only this category (the count clicked), or all flagged households.
        var category: MonitoringCategory?
        var page: Int
    }

    static func link(_ m: Model, category: MonitoringCategory?, page: Int = 1) -> String {
        "/areas/\(m.area.code.value)/monitoring" + HTML.query([("year", String(m.year)), ("category", category?.rawValue),
                                                              ("page", page > 1 ? String(page) : nil)])
    }

    static func render(_ m: Model, chrome: Layout.Chrome?) -> HTML {
        let code = m.area.code.value, year = m.year, listing = m.listing, standards = m.standards
        let range = MonitoringCheck.range(year: year, standard: standards).map { "\($0.compactYuan) 元" } ?? "—"
        let yearLinks = m.years.map { y -> HTML in y == year ? "<b>\(y)</b>" : "<a href=\"/areas/\(code)/monitoring?year=\(y)\">\(y)</a>" }
        var body: HTML = "<p class=\"noprint\">年度：" + yearLinks.joined(separator: " ") + "</p>"
        body += """
            <p>对已脱贫户按\(year)年逐户研判：人均纯收入低于监测范围（\(range)，扶贫标准的 \(Double(standards.monitoringMultiple) / 100) 倍）、
            收入比上年下降 \(standards.monitoringIncomeDrop) 及以上、两不愁三保障或饮水出现问题、近12个月因病因灾等支出超过上年家庭纯收入。
            边缘易致贫户（未建档立卡的农户）不在本系统登记范围内，暂不能研判。</p>
            """
        let stats: [HTML] = [
            "<a class=\"stat\" href=\"\(link(m, category: nil))\"><b>\(HTML.count(listing.flagged.count))</b><span>触发监测规则的户（研判 \(HTML.count(listing.examined)) 户）</span></a>",
            "<a class=\"stat\" href=\"\(link(m, category: .unstableExited))\"><b>\(HTML.count(listing.count(.unstableExited)))</b><span>脱贫不稳定户</span></a>",
            "<a class=\"stat\" href=\"\(link(m, category: .suddenHardship))\"><b>\(HTML.count(listing.count(.suddenHardship)))</b><span>突发严重困难户</span></a>",
            "<a class=\"stat\" href=\"/areas/\(code)/verdicts?year=\(year)&amp;households=exited&amp;item=income&amp;income=unrecorded\"><b>\(HTML.count(listing.incomeUnknown))</b><span>当年收入未录入</span></a>",
        ]
        body += "<div class=\"stats\">\(stats)</div>"
        let chosen = listing.flagged.filter { m.category == nil || $0.finding.category == m.category }
        let pages = max(1, (chosen.count + perPage - 1) / perPage), page = min(max(1, m.page), pages)
        let shown = chosen.dropFirst((page - 1) * perPage).prefix(perPage)
        let rows = shown.map { f -> HTML in
            let reasons = f.finding.signals.map { s -> HTML in "<b>\(s.rule.rawValue)</b>：\(s.text)" }.joined(separator: "<br>")
            let state: HTML = f.monitored ? "已纳入监测" : "<a href=\"/households/\(f.householdID)#procedures\">待识别</a>"
            return "<tr><td><a href=\"/households/\(f.householdID)\">\(f.number)</a></td><td>\(f.head)</td>"
                + "<td>\(m.names[f.villageCode] ?? f.villageCode.value)</td><td>\(f.finding.category?.rawValue ?? "")</td><td>\(reasons)</td>"
                + "<td>\(state)</td></tr>"
        }
        let heading: HTML = "<h2>\(m.category?.rawValue ?? "触发监测规则的户")（\(HTML.count(chosen.count)) 户）</h2>"
        var pager: [HTML] = []
        if page > 1 { pager.append("<a href=\"\(link(m, category: m.category, page: page - 1))\">上一页</a>") }
        pager.append("<span>第 \(page) 页 / 共 \(pages) 页</span>")
        if page < pages { pager.append("<a href=\"\(link(m, category: m.category, page: page + 1))\">下一页</a>") }
        body += heading + (chosen.isEmpty ? "<p>没有户触发监测规则。</p>" : """
            <table class="households"><thead><tr><th scope="col">户编号</th><th scope="col">户主</th><th scope="col">村</th><th scope="col">类别</th><th scope="col">风险与依据</th><th scope="col">监测状态</th></tr></thead><tbody>\(rows)</tbody></table>
            <div class="pager">\(pager)</div>
            """)
        let crumbs = [Layout.Crumb("首页", "/areas")] + m.lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb("防返贫监测")]
        return Layout.page(title: "\(m.area.name) \(year)年防返贫监测名单", crumbs: crumbs, chrome: chrome,
                           print: Layout.Print(landscape: true), body: body)
    }
}
