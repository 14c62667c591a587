import TuopinDomain
import TuopinServices

/// 防漏疑点 — the year's flags with why each was raised, the county's decision where there is one, and for the
/// county office a form on each open flag (keep with a reason, recover, correct). Wide: scrolls in its own box.
enum LeaksView {
    /// 导入发放名单 — for whoever manages funds: the policy, the file, a dry run; and the last load's report.
    struct UploadForm {
        var policies: [(key: String, name: String)]
        var rules: AttachmentRules
        var report: HTML?
    }

    static func render(_ q: BenefitsService.Queue, areaName: String, draft: (key: String, values: [String: String], faults: [String: String])?,
                       csrf: String, notice: String?, upload: UploadForm? = nil, chrome: Layout.Chrome?) -> HTML {
        let uploadForm: HTML = upload.map { u -> HTML in
            let options = u.policies.map { p -> HTML in "<option value=\"\(p.key)\">\(p.name)</option>" }.joined()
            return """
                \(u.report ?? .empty)
                <details class="noprint"\(u.report == nil ? HTML.empty : " open" as HTML)><summary>导入到户资金发放名单（CSV 或 XLSX：证件号码,姓名,金额,发放日期）</summary>
                <form method="post" action="/leaks/upload?year=\(q.year)" class="stack" id="benefits-upload" enctype="multipart/form-data">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <label>政策<select name="policy">\(options)</select></label>
                <label>发放名单<input type="file" name="files[]" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></label>
                <label><input type="checkbox" name="dry_run" value="1"> 只检查，不写入</label>
                <button type="submit">导入</button></form></details>
                """
        } ?? .empty
        let byRule = Dictionary(grouping: q.flags, by: \.rule)
        let summary = LeakCheck.Rule.allCases.compactMap { r -> HTML? in byRule[r].map { "<li>\(r.rawValue)：\($0.count)</li>" } }.joined()
        let rows = q.flags.enumerated().map { i, f -> HTML in
            let household: HTML = f.household.map { h -> HTML in "<a href=\"/households/\(h.rawValue)#ledger\">\(f.householdNumber)</a>" } ?? "（不在名单）"
            let decided: HTML
            if let d = q.decisions[f.key] {
                decided = "\(d.outcome)<br><span class=\"muted\">\(d.reason)（\(d.username) \(d.date)）</span>"
            } else if q.mayDecide {
                let mine = draft?.key == f.key
                let fields = FormFields(prefix: "leak\(i)", values: mine ? draft!.values : [:], faults: mine ? draft!.faults : [:])
                decided = """
                    <form method="post" action="/leaks/decide" class="stack noprint" id="leak-\(i)">
                    <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="year" value="\(q.year)">
                    <input type="hidden" name="area" value="\(q.area.value)"><input type="hidden" name="key" value="\(f.key)">
                    \(fields.select("outcome", "核实结论", LeakOutcome.self))\(fields.input("reason", "核实情况"))
                    <button type="submit">保存</button></form>
                    """
            } else {
                decided = "<span class=\"warn\">待核实</span>"
            }
            return "<tr><td>\(household)</td><td>\(f.idNumber)</td><td>\(q.names[f.policy] ?? f.policy)</td><td>\(f.rule.rawValue)</td><td class=\"num\">\(f.amount.compactYuan)</td><td>\(f.note)</td><td>\(decided)</td></tr>"
        }.joined(separator: "\n")
        let body: HTML = """
            \(notice.map { n -> HTML in "<p class=\"notice\">\(n)</p>" } ?? .empty)
            \(uploadForm)
            <form method="get" action="/leaks" class="inline noprint">
            <input type="hidden" name="area" value="\(q.area.value)">
            <label>年度<input name="year" value="\(q.year)" size="5" inputmode="numeric"></label><button type="submit">查看</button></form>
            <p>\(areaName) \(q.year)年：疑点 <strong>\(q.flags.count)</strong> 个，未核实 <strong class="\(q.open > 0 ? "bad" : "")">\(q.open)</strong> 个。
            <a class="noprint" href="/leaks.csv?area=\(q.area.value)&year=\(q.year)">下载CSV</a></p>
            <ul>\(summary)</ul>
            \(q.flags.isEmpty ? "<p class=\"muted\">没有疑点（或还没有导入这一年的发放名单）。</p>" as HTML : """
            <div class="scroll"><table id="leaks"><thead><tr><th scope="col">户编号</th><th scope="col">证件号码</th><th scope="col">政策</th><th scope="col">规则</th><th scope="col">金额（元）</th><th scope="col">说明</th><th scope="col">核实</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)
            """
        return Layout.page(title: "防漏疑点", crumbs: [.init("首页", "/areas"), .init("资金项目", "/funds"), .init("防漏疑点")], chrome: chrome,
                           print: .init(landscape: true, signatures: ["核实人", "审核人"]), body: body)
    }
}
