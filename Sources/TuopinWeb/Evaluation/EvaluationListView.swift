import TuopinDomain

/// 评估 — the evaluations the viewer may see, and the form that sets one up and draws its sample.
enum EvaluationListView {
    static func render(_ all: [Evaluation], mayCreate: Bool, values: [String: String], faults: [String: String], csrf: String,
                       chrome: Layout.Chrome?) -> HTML {
        let rows = all.map { e -> HTML in
            """
            <tr><td><a href="/evaluations/\(e.id!.rawValue)">\(e.title)</a></td><td>\(e.kind.rawValue)</td><td>\(e.county.countyPart)</td>\
            <td>\(String(e.year))</td><td>\(e.team.joined(separator: "、"))</td><td>\(e.state.rawValue)</td></tr>
            """
        }.joined(separator: "\n")
        let f = FormFields(prefix: "evaluation", values: values, faults: faults)
        let form: HTML = mayCreate ? """
            <h2>组织评估并抽样</h2>
            <form method="post" action="/evaluations" class="stack noprint" id="evaluation-form">
            <input type="hidden" name="_csrf" value="\(csrf)">
            \(f.select("kind", "评估类型", Evaluation.Kind.self))\(f.input("title", "名称", placeholder: "如 2019年县级预评估"))
            \(f.input("county", "县（6位代码）", numeric: true))\(f.input("year", "评估年度", numeric: true))
            \(f.input("team", "评估组成员（登录名，空格分隔；预评估请选其他乡镇的干部）"))
            \(f.input("villages", "抽取村数（默认25，三分之二为贫困村）", numeric: true))
            \(f.input("per_village", "每村户数：脱贫户,未脱贫户,卡外户（默认 30,10,30）"))
            \(f.input("appeal_days", "申诉期限：反馈后几天内可申诉（默认7天，1–30）", numeric: true))
            \(f.input("seed", "随机种子（空则自动；同一种子抽出同一样本）", numeric: true))
            <button type="submit">抽样</button></form>
            """ : .empty
        let body: HTML = """
            \(all.isEmpty ? "<p class=\"muted\">还没有评估。</p>" as HTML : "<table><thead><tr><th scope=\"col\">名称</th><th scope=\"col\">类型</th><th scope=\"col\">县</th><th scope=\"col\">年度</th><th scope=\"col\">评估组</th><th scope=\"col\">状态</th></tr></thead><tbody>\(rows)</tbody></table>" as HTML)
            \(form)
            """
        return Layout.page(title: "第三方评估与预评估", crumbs: [.init("首页", "/areas"), .init("评估")], chrome: chrome, body: body)
    }
}
