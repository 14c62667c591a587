import TuopinDomain
import TuopinExchange
import TuopinStore

/// 挂图作战 — an area's yearly plan against progress, one row per area one level down, and (for those
/// whose role sets plans) the form to set them.
enum TargetsView {
    struct Model {
        var area: Area
        var lineage: [Area]
        var year: Int
        /// The years the standards have a line for (the year links).
        var years: [Int]
        var total: TargetProgress
        var parts: [TargetProgress]
        var names: [AreaCode: String]
        var canPlan: Bool
        var csrf: String
        /// Typed values by field name (`h_451224100`), kept when the form is refused.
        var form: [String: String] = [:]
        var faults: [String: String] = [:]
        var notice: String?
    }

    static func render(_ m: Model, chrome: Layout.Chrome?) -> HTML {
        let head = TargetProgressTable.header.dropFirst().map { h -> HTML in "<th>\(h)</th>" }
        func row(_ p: TargetProgress, isTotal: Bool) -> HTML {
            var cells = TargetProgressTable.row(p, name: m.names[p.area] ?? p.area.prefix).dropFirst()
            let name = cells.removeFirst()
            let first: HTML = !isTotal && p.area.level < .village ? "<a href=\"/areas/\(p.area.value)/targets?year=\(m.year)\">\(name)</a>" : "\(name)"
            let rest = cells.map { c -> HTML in "<td>\(c)</td>" }
            return isTotal ? "<tr class=\"total\"><td>\(first)</td>\(rest)</tr>" : "<tr><td>\(first)</td>\(rest)</tr>"
        }
        var body: HTML = """
            <p>\(m.year)年：计划数来自减贫计划（本页或 <code>tuopin import-targets</code>）；已脱贫为脱贫年度为\(m.year)年的户；
            未脱贫户按\(m.year)年扶贫标准逐户核验，“达标待退出”只差退出程序（评议、公示、公告），“未达标”列出所缺各项。
            命令行：<code>tuopin targets --year \(m.year) --area \(m.area.code.prefix)</code></p>
            """
        let years = m.years.map { y -> HTML in y == m.year ? "<b>\(y)</b>" : "<a href=\"/areas/\(m.area.code.value)/targets?year=\(y)\">\(y)</a>" }
        body += "<p class=\"noprint\">年度：" + years.joined(separator: " ") + "</p>"
        if let n = m.notice { body += "<p class=\"ok\">\(n)</p>" }
        let parts = m.parts.filter { $0.area != m.area.code }.map { row($0, isTotal: false) }
        body += "<table><thead><tr>\(head)</tr></thead><tbody>\(parts)\(row(m.total, isTotal: true))</tbody></table>"
        body += "<p><a href=\"/areas/\(m.area.code.value)/exit?year=\(m.year)\">逐户脱贫标准核验</a>　<a href=\"/areas/\(m.area.code.value)\">返回\(m.area.name)</a></p>"
        if m.canPlan { body += form(m) }
        let crumbs = [Layout.Crumb("首页", "/areas")] + m.lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb("挂图作战")]
        return Layout.page(title: "\(m.area.name) \(m.year)年减贫计划完成情况", crumbs: crumbs, chrome: chrome, body: body)
    }

    /// One line per area: planned households, persons, villages (and the county's exit year).
    static func form(_ m: Model) -> HTML {
        let rows = ([m.total] + m.parts.filter { $0.area != m.area.code }).map { p -> HTML in
            let code = p.area.value
            func input(_ prefix: String, _ stored: Int?) -> HTML {
                let name = "\(prefix)_\(code)"
                let value = m.form[name] ?? stored.map(String.init) ?? ""
                let fault = m.faults[name].map { f -> HTML in "<div class=\"fault\">\(f)</div>" }
                return "<td><input name=\"\(name)\" value=\"\(value)\" inputmode=\"numeric\" size=\"7\">\(fault.orEmpty)</td>"
            }
            let t = p.target
            let county: HTML = p.area.level == .county ? input("y", t?.countyExitYear) : "<td></td>"
            return "<tr><td>\(m.names[p.area] ?? p.area.prefix)</td>\(input("h", t?.households))\(input("p", t?.persons))\(input("v", t?.villages))\(county)</tr>"
        }
        let reason = m.form["reason"] ?? ""
        let reasonFault = m.faults["reason"].map { f -> HTML in "<div class=\"fault\">\(f)</div>" }
        let general = m.faults["form"].map { f -> HTML in "<p class=\"fault\">\(f)</p>" }
        return """
            <h2>下达\(m.year)年减贫计划</h2>\(general.orEmpty)
            <form method="post" action="/areas/\(m.area.code.value)/targets?year=\(m.year)">
            <input type="hidden" name="_csrf" value="\(m.csrf)">
            <table><thead><tr><th>区划</th><th>计划脱贫户数</th><th>计划脱贫人数</th><th>计划出列村数</th><th>计划摘帽年度</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <p>留空的行不改动。 <label>修改原因 <input name="reason" value="\(reason)" size="40"></label>\(reasonFault.orEmpty)</p>
            <p><button type="submit">保存计划</button></p>
            </form>
            """
    }
}
