import TuopinDomain
import TuopinServices

/// 信息比对疑点 — the flags of an area with their explanations, counts by rule, and for the township or county a
/// form on each (属实 / 不属实 with what was found). Printable as the suspect list a township works through.
enum MatchView {
    /// 导入部门比对数据 — for the county office: the kind, the file, a dry run; and the last load's report.
    struct UploadForm {
        var report: HTML?
    }

    static func render(_ q: MatchService.Queue, suspicions: MatchService.Suspicions, areaName: String, areaCounts: [(area: AreaCode, flags: Int, patterns: Int)] = [], names: [AreaCode: String] = [:], draft: (key: String, values: [String: String], faults: [String: String])?,
                       csrf: String, notice: String?, upload: UploadForm? = nil, chrome: Layout.Chrome?) -> HTML {
        let uploadForm: HTML = upload.map { u -> HTML in
            let kinds = DepartmentRecord.Kind.allCases.map { k -> HTML in "<option value=\"\(k.rawValue)\">\(k.label)（\(k.department)）</option>" }.joined()
            return """
                \(u.report ?? .empty)
                <details class="noprint"\(u.report == nil ? HTML.empty : " open" as HTML)><summary>导入部门比对数据（CSV 或 XLSX，各类的列见说明）</summary>
                <form method="post" action="/match/upload?year=\(q.year)" class="stack" id="department-upload" enctype="multipart/form-data">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <label>数据类别<select name="kind">\(kinds)</select></label>
                <label>文件<input type="file" name="files[]" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></label>
                <label><input type="checkbox" name="dry_run" value="1"> 只检查，不写入</label>
                <button type="submit">导入</button></form></details>
                """
        } ?? .empty
        let byRule = Dictionary(grouping: q.flags, by: \.rule)
        let summary = DepartmentMatch.Rule.allCases.compactMap { r -> HTML? in byRule[r].map { "<li>\(r.rawValue)：\($0.count)</li>" } }.joined()
        let byDepartment = Dictionary(grouping: q.flags, by: { $0.kind?.department ?? "教育部门" }).sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        let departments = byDepartment.map { d, f -> HTML in "<li>\(d)：\(f.count)</li>" }.joined()
        let counts = areaCounts
        let areaRows = counts.map { c -> HTML in
            "<tr><td><a href=\"/match?area=\(c.area.value)&amp;year=\(q.year)\">\(names[c.area] ?? c.area.value)</a></td><td class=\"num\">\(c.flags)</td><td class=\"num\">\(c.patterns)</td></tr>"
        }.joined(separator: "\n")
        let areaTable: HTML = counts.count < 2 ? .empty : """
            <div class="scroll"><table id="match-areas"><thead><tr><th scope="col">\(q.area.level == .county ? "乡镇" : "村")</th><th scope="col">部门比对疑点</th><th scope="col">数字脱贫疑点</th></tr></thead>
            <tbody>\(areaRows)</tbody></table></div>
            """
        /// The verification cell of a flag: its decision, or for the township or county the form.
        func decision(_ f: VerifiedFlag, form id: String) -> HTML {
            if let d = q.decisions[f.key] {
                return "\(d.outcome)<br><span class=\"muted\">\(d.reason)（\(d.username) \(d.date)）</span>"
                    + (d.outcome == "属实" ? "<br><a class=\"noprint\" href=\"/households/\(f.household.rawValue)\">到户页办理更正或剔除</a>" as HTML : .empty)
            }
            let given: HTML = q.assignments[f.key].map { a -> HTML in "<span class=\"muted\">已交办：\(a.assignee)（\(a.date)）</span><br>" } ?? .empty
            let assign: HTML = q.mayAssign ? """
                <form method="post" action="/match/assign" class="inline noprint" id="\(id)-assign">
                <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="year" value="\(q.year)">
                <input type="hidden" name="area" value="\(q.area.value)"><input type="hidden" name="key" value="\(f.key)">
                <select name="to" aria-label="交办给"><option value="township">交办所在乡镇</option><option value="helper">交办本户帮扶责任人</option></select>\
                <button type="submit">交办</button></form>
                """ : .empty
            guard q.mayDecide else { return given + "<span class=\"warn\">待核实</span>" }
            let mine = draft?.key == f.key
            let fields = FormFields(prefix: id, values: mine ? draft!.values : [:], faults: mine ? draft!.faults : [:])
            return given + assign + """
                <form method="post" action="/match/decide" class="stack noprint" id="\(id)">
                <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="year" value="\(q.year)">
                <input type="hidden" name="area" value="\(q.area.value)"><input type="hidden" name="key" value="\(f.key)">
                \(fields.select("outcome", "核实结论", MatchService.outcomes.map { ($0, $0) }))\(fields.input("reason", "核实情况"))
                <button type="submit">保存</button></form>
                """
        }
        let rows = q.flags.enumerated().map { i, f -> HTML in
            "<tr><td><a href=\"/households/\(f.household.rawValue)\">\(f.householdNumber)</a></td><td>\(f.name)</td><td>\(f.kind?.department ?? "教育")</td><td>\(f.rule.rawValue)</td><td>\(f.explanation)</td><td>\(decision(f.verified, form: "match-\(i)"))</td></tr>"
        }.joined(separator: "\n")
        let patternRows = suspicions.found.enumerated().map { i, x -> HTML in
            "<tr><td><a href=\"/households/\(x.household.rawValue)\">\(x.number)</a></td><td>\(x.pattern.rawValue)</td><td class=\"num\">\(x.score)</td><td>\(x.explanation)</td><td>\(decision(x.verified, form: "pattern-\(i)"))</td></tr>"
        }.joined(separator: "\n")
        let patterns: HTML = suspicions.found.isEmpty ? "<h2 id=\"patterns\">数字脱贫疑点</h2><p class=\"muted\">\(q.year)年没有发现。</p>" : """
            <h2 id="patterns">数字脱贫疑点（\(suspicions.found.count)）</h2>
            <p class="muted">从建档立卡数据及其修改痕迹中找出：收入刚过线、收入数字雷同、收入成倍增长无依据、分户抬高人均收入、未达标即退出、评估前突击改数、脱贫公告后改数；分值越高越可疑。已核实不属实、不再列出的 \(suspicions.dismissed) 个。<a class="noprint" href="/match/suspicions.csv?area=\(q.area.value)&year=\(q.year)">下载CSV</a></p>
            <div class="scroll"><table id="suspicions"><thead><tr><th scope="col">户编号</th><th scope="col">模式</th><th scope="col">分值</th><th scope="col">说明</th><th scope="col">核实</th></tr></thead>
            <tbody>\(patternRows)</tbody></table></div>
            """
        let body: HTML = """
            \(notice.map { n -> HTML in "<p class=\"notice noprint\">\(n)</p>" } ?? .empty)
            \(uploadForm)
            <form method="get" action="/match" class="inline noprint"><input type="hidden" name="area" value="\(q.area.value)">
            <label>年度<input name="year" value="\(q.year)" size="5" inputmode="numeric"></label><button type="submit">查看</button></form>
            <p>\(areaName) \(q.year)年：比对疑点 <strong>\(q.flags.count)</strong> 个（已核实不属实、不再列出的 \(q.dismissed) 个）。
            <a class="noprint" href="/match.csv?area=\(q.area.value)&year=\(q.year)">下载CSV</a>
            <a class="noprint" href="/match.xlsx?area=\(q.area.value)&year=\(q.year)" id="suspect-xlsx">疑点核实清单（Excel，含数字脱贫）</a></p>
            <div class="cols"><div><h3>按规则</h3><ul>\(summary)</ul></div><div><h3>按部门</h3><ul>\(departments)</ul></div></div>
            \(areaTable)
            <h2>部门比对疑点</h2>
            \(q.flags.isEmpty ? "<p class=\"muted\">没有疑点（或还没有导入部门数据）。</p>" as HTML : """
            <div class="scroll"><table id="match"><thead><tr><th scope="col">户编号</th><th scope="col">成员</th><th scope="col">部门</th><th scope="col">规则</th><th scope="col">说明</th><th scope="col">核实</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)
            \(patterns)
            """
        return Layout.page(title: "信息比对疑点", crumbs: [.init("首页", "/areas"), .init("信息比对")], chrome: chrome,
                           print: .init(landscape: true, signatures: ["核实人", "乡镇负责人"]), body: body)
    }

    /// The flags and patterns of each township of a county (each village of a township), most first.
    static func byArea(_ q: MatchService.Queue, _ s: MatchService.Suspicions) -> [(area: AreaCode, flags: Int, patterns: Int)] {
        let level: AreaLevel = q.area.level == .county ? .township : .village
        var counts: [AreaCode: (Int, Int)] = [:]
        for f in q.flags { if let a = f.village.ancestor(at: level) { counts[a, default: (0, 0)].0 += 1 } }
        for x in s.found { if let a = x.village.ancestor(at: level) { counts[a, default: (0, 0)].1 += 1 } }
        return counts.map { (area: $0.key, flags: $0.value.0, patterns: $0.value.1) }
            .sorted { ($1.flags + $1.patterns, $0.area.value) < ($0.flags + $0.patterns, $1.area.value) }
    }
}
