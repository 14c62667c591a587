import TuopinDomain
import TuopinStore

/// 防返贫监测名单 — the exited households of an area that the monitoring rules flag, by category, with
/// the reasons in figures.
enum MonitoringView {
    static let shownRows = 1000

    static func render(area: Area, lineage: [Area], year: Int, years: [Int], listing: MonitoringStore.Listing, names: [AreaCode: String],
                       standards: StandardSet, chrome: Layout.Chrome?) -> HTML {
        let code = area.code.value
        let range = MonitoringCheck.range(year: year, standard: standards).map { "\($0.compactYuan) 元" } ?? "—"
        let yearLinks = years.map { y -> HTML in y == year ? "<b>\(y)</b>" : "<a href=\"/areas/\(code)/monitoring?year=\(y)\">\(y)</a>" }
        var body: HTML = "<p class=\"noprint\">年度：" + yearLinks.joined(separator: " ") + "</p>"
        body += """
            <p>对已脱贫户按\(year)年逐户研判：人均纯收入低于监测范围（\(range)，扶贫标准的 \(Double(standards.monitoringMultiple) / 100) 倍）、
            收入比上年下降 \(standards.monitoringIncomeDrop) 及以上、两不愁三保障或饮水出现问题、近12个月因病因灾等支出超过上年家庭纯收入。
            边缘易致贫户（未建档立卡的农户）不在本系统登记范围内，暂不能研判。命令行：<code>tuopin monitor --year \(year) --area \(area.code.prefix)</code></p>
            """
        let stats = [("研判已脱贫户", listing.examined), ("脱贫不稳定户", listing.count(.unstableExited)),
                     ("突发严重困难户", listing.count(.suddenHardship)), ("当年收入未录入", listing.incomeUnknown)]
            .map { s -> HTML in "<div class=\"stat\"><b>\(HTML.count(s.1))</b><span>\(s.0)</span></div>" }
        body += "<div class=\"stats\">\(stats)</div>"
        let rows = listing.flagged.prefix(shownRows).map { f -> HTML in
            let reasons = f.finding.signals.map { s -> HTML in "<b>\(s.rule.rawValue)</b>：\(s.text)" }.joined(separator: "<br>")
            let state: HTML = f.monitored ? "已纳入监测" : "<a href=\"/households/\(f.householdID)#procedures\">待识别</a>"
            return "<tr><td><a href=\"/households/\(f.householdID)\">\(f.number)</a></td><td>\(f.head)</td>"
                + "<td>\(names[f.villageCode] ?? f.villageCode.value)</td><td>\(f.finding.category?.rawValue ?? "")</td><td>\(reasons)</td>"
                + "<td>\(state)</td></tr>"
        }
        body += listing.flagged.isEmpty ? "<p>没有户触发监测规则。</p>" : """
            <table><thead><tr><th>户编号</th><th>户主</th><th>村</th><th>类别</th><th>风险与依据</th><th>监测状态</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        if listing.flagged.count > shownRows {
            body += "<p class=\"muted\">共 \(HTML.count(listing.flagged.count)) 户，此处显示前 \(shownRows) 户；完整名单请用命令行导出 CSV。</p>"
        }
        let crumbs = [Layout.Crumb("首页", "/areas")] + lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb("防返贫监测")]
        return Layout.page(title: "\(area.name) \(year)年防返贫监测名单", crumbs: crumbs, chrome: chrome, body: body)
    }
}
