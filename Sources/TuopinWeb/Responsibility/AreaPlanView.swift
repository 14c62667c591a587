import TuopinDomain
import TuopinServices

/// 脱贫计划方案 and 工作进度表 of a village, township or county: the households' measures by kind and status
/// (rolled up, never retyped) and the year's quarterly progress, printable as the table the seeds describe.
enum AreaPlanView {
    static func render(_ p: ResponsibilityService.AreaPlan, chrome: Layout.Chrome?) -> HTML {
        let statuses = PlanMeasure.Status.allCases
        let head = statuses.map { s -> HTML in "<th scope=\"col\">\(s.rawValue)</th>" }.joined()
        let kinds = p.byKind.map { k -> HTML in
            let cells = statuses.map { s -> HTML in "<td class=\"num\">\(k.counts[s] ?? 0)</td>" }.joined()
            return "<tr><th scope=\"row\">\(k.kind.rawValue)</th>\(cells)<td class=\"num\">\(k.income.plainYuan)</td></tr>"
        }.joined(separator: "\n")
        func row(_ q: PlanProgress.Quarter, _ label: String) -> HTML {
            """
            <tr><th scope="row">\(label)</th><td class="num">\(q.due)</td><td class="num">\(q.done)</td>\
            <td class="num">\(q.completion.map { "\($0)%" } ?? "—")</td><td class="num">\(q.doneIncome.plainYuan)</td>\
            <td class="num">\(q.visits)</td><td class="num">\(q.problemsFound)</td></tr>
            """
        }
        let quarters = p.progress.quarters.map { row($0, "第\($0.quarter)季度") }.joined(separator: "\n") + row(p.progress.total, "全年")
        let code = p.area.value
        let body: HTML = """
            <form class="filters noprint" method="get" action="/areas/\(code)/plan">
            <label>年度<input name="year" value="\(p.year)" inputmode="numeric" size="5"></label>
            <button type="submit">查看</button>
            <a href="/areas/\(code)/targets?year=\(p.year)">减贫计划（挂图作战）</a>
            <a href="/duty?area=\(code)">履职情况</a>
            </form>
            <h2>帮扶措施（由各户帮扶行动计划汇总）</h2>
            \(p.byKind.isEmpty ? "<p class=\"muted\">这里还没有户制定帮扶措施。措施在户的页面上由帮扶责任人或修改登记的人员制定。</p>" as HTML : "<table><thead><tr><th scope=\"col\">类别</th>\(head)<th scope=\"col\">预期增收（元，不含已取消）</th></tr></thead><tbody>\(kinds)</tbody></table>" as HTML)
            <h2>\(p.year)年工作进度表</h2>
            <table><thead><tr><th scope="col">季度</th><th scope="col">计划完成措施</th><th scope="col">已完成措施</th><th scope="col">完成率</th>\
            <th scope="col">已完成措施预期增收（元）</th><th scope="col">入户走访（户次）</th><th scope="col">走访发现问题</th></tr></thead>
            <tbody>\(quarters)</tbody></table>
            <p class="muted">计划完成：计划日期在该季度、未取消的措施；已完成：完成日期在该季度；走访和问题来自工作日志。</p>
            """
        return Layout.page(title: "\(p.name)脱贫计划与进度", crumbs: [.init("首页", "/areas"), .init(p.name, "/areas/\(code)"), .init("计划与进度")],
                           chrome: chrome, print: .init(landscape: true, signatures: ["审核人", "日期"]), body: body)
    }
}
