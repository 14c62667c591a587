import TuopinDomain
import TuopinServices

/// 干部名单 and 干部信息: an area's cadres with their posts and households today; one cadre's details (editable
/// by the county office), posts with their terms (ended ones kept), and paired households.
enum CadreView {
    enum Form: Equatable, Sendable { case details, post, end(Assignment.ID) }

    /// A refused form: which, what was typed, the fault at each field.
    struct Draft: Sendable {
        var form: Form
        var values: [String: String]
        var faults: [String: String]
    }

    static func roster(_ entries: [ResponsibilityService.RosterEntry], area: AreaCode?, showPhones: Bool, chrome: Layout.Chrome?) -> HTML {
        let rows = entries.prefix(2000).map { e -> HTML in
            let c = e.cadre
            return """
                <tr><td><a href="/cadres/\(c.id!.rawValue)">\(c.name)</a></td><td>\(c.unit)</td><td>\(c.unitLevel.rawValue)</td><td>\(c.post)</td>\
                <td>\(c.rank.rawValue)</td><td>\(showPhones ? c.phone : IDMask.phone(c.phone))</td><td class="num">\(e.posts)</td><td class="num">\(e.households)</td></tr>
                """
        }.joined(separator: "\n")
        let more: HTML = entries.count > 2000 ? "<p class=\"muted\">只列前2000名，共 \(entries.count) 名；请按乡镇或村查看。</p>" : .empty
        let body: HTML = """
            <form class="filters noprint" method="get" action="/cadres">
            <label>区划代码<input name="area" value="\(area?.value ?? "")" placeholder="6、9或12位"></label>
            <button type="submit">查看</button>
            </form>
            <p>在岗或结对的干部 \(entries.count) 名（今日）。干部名单由县扶贫办导入（tuopin import-cadres 的文件格式见帮助），在此逐人修改。</p>
            \(entries.isEmpty ? "<p class=\"muted\">这里还没有在岗或结对的干部。</p>" as HTML : "<table><thead><tr><th scope=\"col\">姓名</th><th scope=\"col\">单位</th><th scope=\"col\">单位层级</th><th scope=\"col\">职务</th><th scope=\"col\">职级</th><th scope=\"col\">电话</th><th scope=\"col\">在岗岗位</th><th scope=\"col\">结对户</th></tr></thead><tbody>\(rows)</tbody></table>" as HTML)
            \(more)
            """
        return Layout.page(title: "干部名单", crumbs: [.init("首页", "/areas"), .init("履职情况", "/duty"), .init("干部名单")], chrome: chrome,
                           print: .init(landscape: true, signatures: []), body: body)
    }

    static func record(_ r: ResponsibilityService.CadreRecord, layers: [String], today: LocalDate, csrf: String, draft: Draft?,
                       chrome: Layout.Chrome?) -> HTML {
        let c = r.cadre
        func field(_ form: Form, _ key: String) -> (value: String?, fault: HTML, invalid: HTML) {
            guard let d = draft, d.form == form else { return (nil, .empty, .empty) }
            let id = "f-\(key)-fault"
            return (d.values[key], d.faults[key].map { x -> HTML in "<span class=\"bad\" id=\"\(id)\">\(x)</span>" } ?? .empty,
                    d.faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(id)\"")
        }
        func input(_ form: Form, _ key: String, _ label: String, _ value: String, extra: HTML = .empty) -> HTML {
            let f = field(form, key)
            return "<label>\(label)<input name=\"\(key)\" value=\"\(f.value ?? value)\"\(extra)\(f.invalid)>\(f.fault)</label>"
        }
        func select<V: Vocabulary>(_ key: String, _ label: String, _ type: V.Type, _ value: String) -> HTML {
            let f = field(.details, key)
            let chosen = f.value ?? value
            let options = V.allCases.map { v -> HTML in "<option\(v.rawValue == chosen ? " selected" : "")>\(v.rawValue)</option>" }.joined()
            return "<label>\(label)<select name=\"\(key)\"\(f.invalid)>\(options)</select>\(f.fault)</label>"
        }
        let details: HTML = r.editable ? """
            <form method="post" action="/cadres/\(c.id!.rawValue)" class="stack noprint" id="details">
            <input type="hidden" name="_csrf" value="\(csrf)">
            \(input(.details, "name", "姓名", c.name))
            \(input(.details, "phone", "联系电话", c.phone, extra: " inputmode=\"numeric\""))
            \(input(.details, "unit", "单位", c.unit))
            \(select("unit_level", "单位层级", UnitLevel.self, c.unitLevel.rawValue))
            \(input(.details, "post", "职务", c.post))
            \(select("rank", "职级", CadreRank.self, c.rank.rawValue))
            \(input(.details, "username", "登录名（可空）", c.username ?? ""))
            \(input(.details, "id_number", "证件号码（可空；用于核查公职人员及亲属领取扶贫资金）", c.idNumber ?? "", extra: " autocomplete=\"off\""))
            \(input(.details, "reason", "修改原因", ""))
            <button type="submit">保存</button>
            </form>
            """ : """
            <dl class="facts"><dt>单位</dt><dd>\(c.unit)（\(c.unitLevel.rawValue)）</dd><dt>职务</dt><dd>\(c.post)</dd><dt>职级</dt><dd>\(c.rank.rawValue)</dd>\
            <dt>电话</dt><dd>\(IDMask.phone(c.phone))</dd>\(c.idNumber.map { "<dt>证件号码</dt><dd>\(IDMask.mask($0))</dd>" as HTML } ?? .empty)</dl>
            """
        let posts = r.assignments.map { a -> HTML in
            var endForm: HTML = .empty
            if r.editable, a.end == nil, let id = a.id {
                let e = field(.end(id), "end"), why = field(.end(id), "reason")
                endForm = """
                    <form method="post" action="/cadres/\(c.id!.rawValue)/posts/\(id.rawValue)/end" class="filters noprint">
                    <input type="hidden" name="_csrf" value="\(csrf)">
                    <label>结束日期<input type="date" name="end" value="\(e.value ?? today.description)"\(e.invalid)>\(e.fault)</label>
                    <label>原因<input name="reason" value="\(why.value ?? "")" placeholder="如：调动、任期届满"\(why.invalid)>\(why.fault)</label>
                    <button type="submit">免去此岗位</button></form>
                    """
            }
            return "<tr><td>\(a.layer)</td><td>\(r.areaNames[a.area] ?? a.area.value)</td><td>\(a.start.description)</td><td>\(a.end?.description ?? "至今")</td><td>\(endForm)</td></tr>"
        }.joined(separator: "\n")
        let layerValue = field(.post, "layer").value ?? ""
        let layerOptions = layers.map { l -> HTML in "<option\(l == layerValue ? " selected" : "")>\(l)</option>" }.joined()
        let lf = field(.post, "layer")
        let newPost: HTML = r.editable ? """
            <form method="post" action="/cadres/\(c.id!.rawValue)/posts" class="filters noprint" id="new-post">
            <input type="hidden" name="_csrf" value="\(csrf)">
            <label>岗位<select name="layer"\(lf.invalid)><option value="">请选择</option>\(layerOptions)</select>\(lf.fault)</label>
            \(input(.post, "area", "区划代码", "", extra: " placeholder=\"9或12位\" inputmode=\"numeric\""))
            \(input(.post, "start", "开始日期", today.description, extra: " type=\"date\""))
            \(input(.post, "end", "结束日期（可空）", "", extra: " type=\"date\""))
            \(input(.post, "reason", "依据", "", extra: " placeholder=\"如：县委组织部任命文件\""))
            <button type="submit">任命</button>
            </form>
            """ : .empty
        let households = r.pairings.prefix(200).map { p, h -> HTML in
            let who: HTML = h.map { h -> HTML in "<a href=\"/households/\(h.id.rawValue)\">\(h.number) \(h.head)</a>" } ?? "\(p.household.rawValue)"
            return "<tr><td>\(who)</td><td>\(r.areaNames[p.village] ?? p.village.value)</td><td>\(p.start.description)</td><td>\(p.end?.description ?? "至今")</td><td>\(p.reason)</td></tr>"
        }.joined(separator: "\n")
        let accountability = r.accountability.map { a -> HTML in
            let links = a.problems.map { p -> HTML in "<a href=\"/problems/\(p.rawValue)\">问题 \(p.rawValue)</a>" }.joined(separator: "、")
            return "<li>\(a.date.description) \(a.action.rawValue)（\(a.basis.rawValue)）：\(a.note) \(links)</li>"
        }.joined()
        let body: HTML = """
            <h2>基本信息</h2>
            \(details)
            <h2 id="posts">责任岗位（含已结束的任期）</h2>
            \(r.assignments.isEmpty ? "<p class=\"muted\">没有任职记录。</p>" as HTML : "<table><thead><tr><th scope=\"col\">岗位</th><th scope=\"col\">区划</th><th scope=\"col\">开始</th><th scope=\"col\">结束</th><th scope=\"col\">操作</th></tr></thead><tbody>\(posts)</tbody></table>" as HTML)
            \(newPost)
            <h2>结对帮扶的户（\(r.pairings.filter { $0.pairing.holds(on: today) }.count) 户在帮）</h2>
            \(r.pairings.isEmpty ? "<p class=\"muted\">没有结对帮扶的户。</p>" as HTML : "<table><thead><tr><th scope=\"col\">户</th><th scope=\"col\">村</th><th scope=\"col\">开始</th><th scope=\"col\">结束</th><th scope=\"col\">原因</th></tr></thead><tbody>\(households)</tbody></table>" as HTML)
            \(ProblemListSection.render(r.problems, today: today, id: "cadre-problems", title: "本人负责的问题", empty: "没有以本人为责任人的问题。",
                                       more: "<p><a href=\"/problems?unit=\(c.unit.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")\">\(c.unit)的问题清单</a></p>"))
            <section id="cadre-accountability"><h2>问责与表彰</h2>
            \(r.accountability.isEmpty ? "<p class=\"muted\">没有问责或表彰记录。</p>" as HTML : "<ul>\(accountability)</ul>" as HTML)</section>
            """
        return Layout.page(title: "干部：\(c.name)", crumbs: [.init("首页", "/areas"), .init("干部名单", "/cadres"), .init(c.name)], chrome: chrome,
                           print: .init(landscape: false, signatures: []), body: body)
    }
}
