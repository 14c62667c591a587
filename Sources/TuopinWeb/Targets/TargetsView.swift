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
        let head = TargetProgressTable.header.dropFirst().map { h -> HTML in "<th scope=\"col\">\(h)</th>" }
        func row(_ p: TargetProgress, isTotal: Bool) -> HTML {
            let name = m.names[p.area] ?? p.area.prefix
            let first: HTML = !isTotal && p.area.level < .village ? "<a href=\"/areas/\(p.area.value)/targets?year=\(m.year)\">\(name)</a>" : "\(name)"
            let t = p.target
            func count(_ n: Int, _ href: String) -> HTML { HTML.countCell(n, href: href) }
            func verdicts(_ f: VerdictFilter) -> String { ExitCheckView.link(p.area, year: m.year, f, households: "pending") }
            let cells: HTML = """
                <td class="num">\(t.map { String($0.households) } ?? "")</td>\(count(p.exitedHouseholds, "/areas/\(p.area.value)?exit_year=\(m.year)#households"))\
                <td class="num">\(p.householdRate?.description ?? "")</td><td class="num">\(t.map { String($0.persons) } ?? "")</td>\
                <td class="num">\(HTML.count(p.exitedPersons))</td><td class="num">\(t?.villages.map(String.init) ?? "")</td>\
                <td class="num">\(p.exitedVillages)</td><td class="num">\(t?.countyExitYear.map(String.init) ?? "")</td>\
                \(count(p.meetingNotExited, verdicts(VerdictFilter(outcome: .meets))))\(count(p.notMeeting, verdicts(VerdictFilter(outcome: .fails))))\
                <td>\(missing(p.pending, link: verdicts))</td><td>\(p.outlook)</td>
                """
            return isTotal ? "<tr class=\"total\"><th scope=\"row\">\(first)</th>\(cells)</tr>" : "<tr><td>\(first)</td>\(cells)</tr>"
        }
        var body: HTML = """
            <p>\(m.year)年：计划数由县扶贫办在本页下方下达；已脱贫为脱贫年度为\(m.year)年的户；
            未脱贫户按\(m.year)年扶贫标准逐户核验，“达标待退出”只差退出程序（评议、公示、公告），“未达标”列出所缺各项。</p>
            """
        let years = m.years.map { y -> HTML in y == m.year ? "<b>\(y)</b>" : "<a href=\"/areas/\(m.area.code.value)/targets?year=\(y)\">\(y)</a>" }
        body += "<p class=\"noprint\">年度：" + years.joined(separator: " ") + "</p>"
        if let n = m.notice { body += "<p class=\"ok\">\(n)</p>" }
        let parts = m.parts.filter { $0.area != m.area.code }.map { row($0, isTotal: false) }
        body += "<table><thead><tr>\(head)</tr></thead><tbody>\(parts)\(row(m.total, isTotal: true))</tbody></table>"
        body += "<p><a href=\"/areas/\(m.area.code.value)/exit?year=\(m.year)\">逐户脱贫标准核验</a>　<a href=\"/areas/\(m.area.code.value)\">返回\(m.area.name)</a></p>"
        if m.canPlan { body += form(m) }
        let crumbs = [Layout.Crumb("首页", "/areas")] + m.lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb("挂图作战")]
        return Layout.page(title: "\(m.area.name) \(m.year)年减贫计划完成情况", crumbs: crumbs, chrome: chrome,
                           print: Layout.Print(landscape: true), body: body)
    }

    /// The missing items of the pending households, most frequent first, each opening its households (an income
    /// below the line and one not recorded apart), with how many miss that item only.
    static func missing(_ tally: ExitTally, link: (VerdictFilter) -> String) -> HTML {
        var parts: [(label: String, count: Int, only: Int, filter: VerdictFilter)] = tally.missing.filter { $0.key != .income }.map { item, n in
            ("缺\(item.shortLabel)", n, tally.onlyMissing[item] ?? 0, VerdictFilter(item: item))
        }
        if tally.incomeBelowLine > 0 {
            parts.append(("收入低于标准", tally.incomeBelowLine, tally.onlyIncomeBelowLine, VerdictFilter(item: .income, income: .belowLine)))
        }
        if tally.incomeUnrecorded > 0 {
            parts.append(("收入未录入", tally.incomeUnrecorded, tally.onlyIncomeUnrecorded, VerdictFilter(item: .income, income: .unrecorded)))
        }
        return parts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }.map { p -> HTML in
            var only = p.filter
            only.only = true
            let onlyLink: HTML = p.only > 0 ? "（<a href=\"\(link(only))\">仅此 \(p.only)</a>）" : .empty
            return "<a href=\"\(link(p.filter))\">\(p.label) \(p.count)</a>\(onlyLink)"
        }.joined(separator: "；")
    }

    /// One line per area: planned households, persons, villages (and the county's exit year).
    static func form(_ m: Model) -> HTML {
        let rows = ([m.total] + m.parts.filter { $0.area != m.area.code }).map { p -> HTML in
            let code = p.area.value
            let areaName = m.names[p.area] ?? p.area.prefix
            let labels = ["h": "计划脱贫户数", "p": "计划脱贫人数", "v": "计划出列村数", "y": "计划摘帽年度"]
            func input(_ prefix: String, _ stored: Int?) -> HTML {
                let name = "\(prefix)_\(code)"
                let value = m.form[name] ?? stored.map(String.init) ?? ""
                let fault = m.faults[name].map { f -> HTML in "<div class=\"fault\" id=\"\(name)-fault\">\(f)</div>" }
                let invalid: HTML = fault == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(name)-fault\""
                return "<td><input name=\"\(name)\" value=\"\(value)\" inputmode=\"numeric\" size=\"7\" aria-label=\"\(areaName) \(labels[prefix] ?? "")\"\(invalid)>\(fault.orEmpty)</td>"
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
            <table><thead><tr><th scope="col">区划</th><th scope="col">计划脱贫户数</th><th scope="col">计划脱贫人数</th><th scope="col">计划出列村数</th><th scope="col">计划摘帽年度</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <p>留空的行不改动。 <label>修改原因 <input name="reason" value="\(reason)" size="40"></label>\(reasonFault.orEmpty)</p>
            <p><button type="submit">保存计划</button></p>
            </form>
            """
    }
}
