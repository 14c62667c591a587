import TuopinDomain
import TuopinServices

/// 数据质量 — an area's registry checked by the validation rules: counts by rule and by village, and each finding
/// with the household, the member and what disagrees. Printable as the list a village works through.
enum QualityView {
    static func render(_ q: MatchService.Quality, areaName: String, villageNames: [AreaCode: String], chrome: Layout.Chrome?) -> HTML {
        let byRule = q.byRule
        let rules = DataQualityCheck.Rule.allCases.filter { $0 != .elsewhere }.map { r -> HTML in "<tr><td>\(r.rawValue)</td><td class=\"num\">\(byRule[r] ?? 0)</td></tr>" }.joined()
        let villages = q.byVillage.sorted { $0.key < $1.key }.map { v, n -> HTML in
            "<tr><td><a href=\"/quality?area=\(v.value)\">\(villageNames[v] ?? v.value)</a></td><td class=\"num\">\(n)</td></tr>"
        }.joined()
        let rows = q.findings.map { f -> HTML in
            "<tr><td><a href=\"/households/\(f.household.rawValue)\">\(f.number)</a></td><td>\(villageNames[f.village] ?? f.village.value)</td><td>\(f.rule.rawValue)</td><td>\(f.member)</td><td>\(f.explanation)</td></tr>"
        }.joined(separator: "\n")
        let body: HTML = """
            <p>\(areaName)：检查 \(q.households) 户，\(q.flagged) 户有数据质量问题，共 <strong id="quality-count">\(q.findings.count)</strong> 条。
            <a class="noprint" href="/quality.csv?area=\(q.area.value)">下载CSV</a></p>
            <p class="muted">规则对每户的登记数据自查：年龄与户主关系、在校年级，劳动能力与工资性收入，住房等级与危房改造。
            一人多户、收入与人均纯收入不符在录入和导入时即被拒绝，不会出现在这里。请到户页核对并更正。</p>
            <div class="grid2"><table id="quality-rules"><thead><tr><th scope="col">规则</th><th scope="col">条数</th></tr></thead><tbody>\(rules)</tbody></table>
            \(q.byVillage.isEmpty ? HTML.empty : "<table id=\"quality-villages\"><thead><tr><th scope=\"col\">村</th><th scope=\"col\">条数</th></tr></thead><tbody>\(villages)</tbody></table>" as HTML)</div>
            <h2>问题明细</h2>
            \(q.findings.isEmpty ? "<p class=\"muted\">没有发现数据质量问题。</p>" as HTML : """
            <div class="scroll"><table id="quality"><thead><tr><th scope="col">户编号</th><th scope="col">村</th><th scope="col">规则</th><th scope="col">成员</th><th scope="col">说明</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)
            """
        return Layout.page(title: "数据质量", crumbs: [.init("首页", "/areas"), .init(areaName, "/areas/\(q.area.value)"), .init("数据质量")], chrome: chrome,
                           print: .init(landscape: true, signatures: ["核对人", "村（乡镇）负责人"]), body: body)
    }
}
