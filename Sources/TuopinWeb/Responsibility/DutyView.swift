import TuopinDomain
import TuopinServices

/// 履职情况 — for the county office (and township, leaders, inspectors): which poor villages lack which post of
/// the 五个一 today, which households have no helper, and who fell short of which duty rule in the month, with
/// the evidence counted and the shortfall in words.
public enum DutyView {
    public struct Model: Sendable {
        public var period: DutyPeriod
        public var area: AreaCode?
        public var report: ResponsibilityService.DutyReport
        public var coverage: ResponsibilityService.Coverage?
        public var showAll: Bool
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let areaParam = m.area.map { "&area=\($0.value)" } ?? ""
        let shown = m.showAll ? m.report.rows : m.report.shortfalls
        let rows = shown.map { r -> HTML in
            let f = r.finding
            let absences = m.report.absences[r.cadre.id!] ?? 0
            let ladder: HTML = absences > 0 ? "；未说明缺勤 \(absences) 次（\(AbsenceLadder.ceiling(absences: absences))）" : .empty
            return """
            <tr><td>\(r.areaName)</td><td><a href="/cadres/\(r.cadre.id!.rawValue)">\(r.cadre.name)</a></td><td>\(r.cadre.unit)</td><td>\(f.layer)</td><td>\(f.rule.text)</td>\
            <td class="num">\(f.required)</td><td class="num">\(f.actual)</td><td>\(f.met ? "达标" : "<span class=\"bad\">未达标</span>" as HTML)</td>\
            <td>\(f.note)\(ladder)</td></tr>
            """
        }.joined(separator: "\n")
        let coverage: HTML = m.coverage.map { c -> HTML in
            let byKind = Dictionary(grouping: c.gaps, by: \.kind)
            let summary = CoverageCheck.Kind.allCases.map { k -> HTML in "<li>\(k.rawValue)：\(byKind[k]?.count ?? 0)</li>" }.joined()
            let lines = c.gaps.prefix(300).map { g -> HTML in
                let who: HTML = g.household.flatMap { c.households[$0] }.map { h -> HTML in "<a href=\"/households/\(h.id.rawValue)\">\(h.number) \(h.head)</a>" }
                    ?? g.cadre.flatMap { c.cadres[$0] }.map { p -> HTML in "\(p.name)（\(p.unit)）" } ?? .empty
                return "<tr><td>\(c.areaNames[g.area] ?? g.area.value)</td><td>\(g.kind.rawValue)</td><td>\(g.text)</td><td>\(who)</td></tr>"
            }.joined(separator: "\n")
            let more: HTML = c.gaps.count > 300 ? "<p class=\"muted\">只列前300项，共 \(c.gaps.count) 项。</p>" : .empty
            return """
            <h2>责任覆盖（\(c.set.name)，\(c.date.description)）</h2>
            <p>贫困村 \(c.villages) 个。</p><ul class="inline-list">\(summary)</ul>
            \(c.gaps.isEmpty ? "<p class=\"ok\">每个贫困村的必需岗位都有人在岗，每户贫困户都有帮扶责任人。</p>" as HTML : "<table><thead><tr><th scope=\"col\">村</th><th scope=\"col\">问题</th><th scope=\"col\">说明</th><th scope=\"col\">户或干部</th></tr></thead><tbody>\(lines)</tbody></table>\(more)" as HTML)
            """
        } ?? "<p class=\"muted\">选择县、乡镇或村后显示责任覆盖情况。</p>"
        let body: HTML = """
            <form class="filters noprint" method="get" action="/duty">
            <label>月份或季度<input name="period" value="\(m.period.key)" placeholder="2016-07 或 2016-Q3" inputmode="numeric"></label>
            <label>区划代码<input name="area" value="\(m.area?.value ?? "")" placeholder="6、9或12位"></label>
            <label><input type="checkbox" name="all" value="1"\(m.showAll ? " checked" : "")>列出全部（含达标）</label>
            <button type="submit">查看</button>
            <a href="/duty.csv?period=\(m.period.key)\(areaParam)&all=1">导出 CSV</a>
            <a href="/cadres\(m.area.map { "?area=\($0.value)" } ?? "")">干部名单</a>
            </form>
            \(coverage)
            <h2>\(m.period.description)履职情况</h2>
            <p>共 \(m.report.rows.count) 项职责，<b>\(m.report.shortfalls.count)</b> 项未达标。依据：工作日志（走访、在村工作、会议、请假），不使用打卡和在线时长。</p>
            \(shown.isEmpty ? "<p class=\"ok\">\(m.showAll ? "没有在岗的职责。" : "本期全部达标。")</p>" as HTML : "<table><thead><tr><th scope=\"col\">区划</th><th scope=\"col\">姓名</th><th scope=\"col\">单位</th><th scope=\"col\">职责</th><th scope=\"col\">规则</th><th scope=\"col\">要求</th><th scope=\"col\">实际</th><th scope=\"col\">是否达标</th><th scope=\"col\">说明</th></tr></thead><tbody>\(rows)</tbody></table>" as HTML)
            """
        return Layout.page(title: "履职情况", crumbs: [.init("首页", "/areas"), .init("履职情况")], chrome: chrome,
                           print: .init(landscape: true, signatures: ["审核人", "日期"]), body: body)
    }
}
