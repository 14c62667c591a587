import TuopinDomain
import TuopinServices

/// 项目库 — the projects of an area by year and stage, with the form's link for those who may propose.
enum ProjectListView {
    static func render(_ projects: [Project], names: [AreaCode: String], area: AreaCode?, year: Int?, stage: ProjectStage?, mayPropose: Bool,
                       chrome: Layout.Chrome?) -> HTML {
        let rows = projects.map { p -> HTML in
            let place = p.villages.map { names[$0] ?? $0.value }.joined(separator: "、")
            return "<tr><td>\(p.id!.rawValue)</td><td><a href=\"/projects/\(p.id!.rawValue)\">\(p.name)</a></td><td>\(p.category.rawValue)</td><td>\(place)</td><td>\(p.year)</td><td class=\"num\">\(p.planned.compactYuan)</td><td>\(p.stage.rawValue)</td></tr>"
        }.joined(separator: "\n")
        let stages = ProjectStage.allCases.map { s -> HTML in "<option\(s == stage ? " selected" : "")>\(s.rawValue)</option>" }.joined()
        let body: HTML = """
            <form method="get" action="/projects" class="inline noprint">
            \(area.map { a -> HTML in "<input type=\"hidden\" name=\"area\" value=\"\(a.value)\">" } ?? .empty)
            <label>年度<input name="year" value="\(year.map(String.init) ?? "")" size="5" inputmode="numeric"></label>
            <label>阶段<select name="stage"><option value="">全部</option>\(stages)</select></label>
            <button type="submit">筛选</button></form>
            \(mayPropose ? "<p class=\"noprint\"><a href=\"/projects/new\">申报项目</a></p>" as HTML : .empty)
            \(projects.isEmpty ? "<p class=\"muted\">没有符合条件的项目。</p>" as HTML : """
            <div class="scroll"><table id="projects"><thead><tr><th scope="col">编号</th><th scope="col">项目名称</th><th scope="col">类别</th><th scope="col">实施地点</th><th scope="col">年度</th><th scope="col">计划投资（元）</th><th scope="col">阶段</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)
            """
        return Layout.page(title: "项目库", crumbs: [.init("首页", "/areas"), .init("资金项目", "/funds"), .init("项目库")], chrome: chrome,
                           print: .init(landscape: true), body: body)
    }
}
