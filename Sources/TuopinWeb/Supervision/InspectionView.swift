import TuopinDomain
import TuopinServices

/// 督查与暗访 — the list of inspections, the form to order one, and an inspection's page: its draw (for the
/// team; for others only once closed), the finding form a team member fills in at the household, and the
/// problems found.
enum InspectionView {
    static func list(_ items: [Inspection], mayOrder: Bool, values: [String: String], faults: [String: String], today: LocalDate, csrf: String,
                     chrome: Layout.Chrome?) -> HTML {
        func fault(_ key: String) -> HTML { faults[key].map { x -> HTML in "<span class=\"bad\" id=\"i-\(key)-fault\">\(x)</span>" } ?? .empty }
        func invalid(_ key: String) -> HTML { faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"i-\(key)-fault\"" }
        func input(_ key: String, _ label: String, _ value: String, type: String = "text") -> HTML {
            "<label>\(label)<input type=\"\(type)\" name=\"\(key)\" value=\"\(values[key] ?? value)\"\(invalid(key))>\(fault(key))</label>"
        }
        let kinds = ProblemSource.allCases.filter(\.isInspection).map { k -> HTML in
            "<option\(k.rawValue == (values["kind"] ?? ProblemSource.unannounced.rawValue) ? " selected" : "")>\(k.rawValue)</option>"
        }.joined()
        let form: HTML = mayOrder ? """
            <h2>部署督查</h2>
            <form method="post" action="/inspections" class="stack noprint" id="inspection-form">
            <input type="hidden" name="_csrf" value="\(csrf)">
            <label>类型<select name="kind"\(invalid("kind"))>\(kinds)</select>\(fault("kind"))</label>
            \(input("title", "名称", ""))
            \(input("team", "督查组成员（登录名，空格分隔；本人自动加入）", ""))
            \(input("start", "开始日期", today.description, type: "date"))
            \(input("end", "结束日期", today.adding(days: 7).description, type: "date"))
            \(input("area", "督查范围（县或乡镇代码）", ""))
            <label>方式<textarea name="method" rows="2"\(invalid("method"))>\(values["method"] ?? "")</textarea>\(fault("method"))</label>
            <button type="submit">部署</button>
            </form>
            """ : .empty
        let rows = items.map { i -> HTML in
            "<tr><td><a href=\"/inspections/\(i.id!.rawValue)\">\(i.title)</a></td><td>\(i.kind.rawValue)</td><td>\(i.area.value)</td><td>\(i.start.description) 至 \(i.end.description)</td><td>\(i.closed ? "已结束" : "进行中")</td></tr>"
        }.joined(separator: "\n")
        let body: HTML = """
            <p><a href="/problems">问题清单</a></p>
            \(items.isEmpty ? "<p class=\"muted\">还没有督查。</p>" as HTML : "<table><thead><tr><th scope=\"col\">名称</th><th scope=\"col\">类型</th><th scope=\"col\">范围</th><th scope=\"col\">日期</th><th scope=\"col\">状态</th></tr></thead><tbody>\(rows)</tbody></table>" as HTML)
            \(form)
            """
        return Layout.page(title: "督查与暗访", crumbs: [.init("首页", "/areas"), .init("督查与暗访")], chrome: chrome, body: body)
    }

    static func show(_ d: SupervisionService.InspectionDetail, checkItems: [String], values: [String: String], faults: [String: String], today: LocalDate,
                     csrf: String, upload: AttachmentRules, chrome: Layout.Chrome?) -> HTML {
        let i = d.inspection
        let id = i.id!.rawValue
        var drawPart: HTML
        if let draw = d.draw, i.seed != nil {
            let villages = draw.villages.map { v -> HTML in "\(d.areaNames[v] ?? v.value)" }.joined(separator: "、")
            let households = draw.households.map { h -> HTML in
                let r = d.households[h.id]
                let link: HTML = r.map { r -> HTML in "<a href=\"/households/\(r.id.rawValue)\">\(r.number) \(r.head)</a>" } ?? "\(h.id.rawValue)"
                let record: HTML = d.onTeam && !i.closed ? " <a href=\"/inspections/\(id)?household=\(r?.number ?? "")&area=\(h.village.value)#finding\">记录问题</a>" : .empty
                return "<li>\(d.areaNames[h.village] ?? h.village.value)：\(link)\(record)</li>"
            }.joined()
            drawPart = "<h2>抽中的村和户（种子 \(String(i.seed!))）</h2><p>村：\(villages)</p><ul class=\"draw\">\(households)</ul>"
        } else if d.onTeam && !i.closed {
            drawPart = """
                <h2>随机抽样</h2>
                <form method="post" action="/inspections/\(id)/draw" class="filters noprint" id="draw-form">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <label>抽取村数<input name="villages" value="\(values["villages"] ?? "30")" inputmode="numeric" size="4"></label>
                <label>抽取户数<input name="households" value="\(values["households"] ?? "600")" inputmode="numeric" size="5"></label>
                <label>种子（可空）<input name="seed" value="\(values["seed"] ?? "")" inputmode="numeric" size="10"></label>
                <button type="submit">抽样</button>
                </form><p class="muted">按乡镇分层随机抽取；抽样结果在督查结束前只有督查组成员能看到。</p>
                """
        } else {
            drawPart = i.seed == nil ? "<p class=\"muted\">尚未抽样。</p>" : "<p class=\"muted\">抽样结果在督查结束后公开。</p>"
        }
        let finding: HTML = d.onTeam && !i.closed ? """
            <h2 id="finding">记录发现的问题</h2>
            \(ProblemFormView.form(action: "/inspections/\(id)/findings", checkItems: checkItems, sourceFixed: i.kind.rawValue,
                                   values: values.isEmpty ? ["area": i.area.value] : values, faults: faults, today: today, csrf: csrf, upload: upload))
            <form method="post" action="/inspections/\(id)/close" class="noprint" id="close-form"><input type="hidden" name="_csrf" value="\(csrf)">\
            <button type="submit">结束督查（公开抽样结果）</button></form>
            """ : .empty
        let problems = d.problems.map { p -> HTML in
            "<tr><td><a href=\"/problems/\(p.id!.rawValue)\">\(p.id!.rawValue)</a></td><td>\(d.areaNames[p.area] ?? p.area.value)</td><td>\(p.category)</td><td>\(p.description)</td><td>\(p.state.rawValue)</td></tr>"
        }.joined(separator: "\n")
        let body: HTML = """
            <dl class="facts"><dt>类型</dt><dd>\(i.kind.rawValue)</dd><dt>督查组</dt><dd>\(i.team.joined(separator: "、"))</dd>\
            <dt>日期</dt><dd>\(i.start.description) 至 \(i.end.description)</dd><dt>范围</dt><dd>\(d.areaNames[i.area] ?? i.area.value)</dd>\
            <dt>方式</dt><dd>\(i.method)</dd><dt>状态</dt><dd>\(i.closed ? "已结束" : "进行中")</dd></dl>
            \(drawPart)
            \(finding)
            <h2>发现的问题（\(d.problems.count)）</h2>
            \(d.problems.isEmpty ? "<p class=\"muted\">还没有记录问题。</p>" as HTML : "<table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">区划</th><th scope=\"col\">检查项目</th><th scope=\"col\">问题描述</th><th scope=\"col\">状态</th></tr></thead><tbody>\(problems)</tbody></table>" as HTML)
            """
        return Layout.page(title: i.title, crumbs: [.init("首页", "/areas"), .init("督查与暗访", "/inspections"), .init(i.title)], chrome: chrome, body: body)
    }
}
