import TuopinDomain
import TuopinServices
import TuopinStore

/// 资金总览 — the rates by township and by source as of a date, the idle money with its age and holder, and
/// (for the county) the forms to register a source, allocate and reimburse.
enum FundsView {
    struct Forms {
        var values: [String: String] = [:]
        var faults: [String: String] = [:]
        /// Which form the values and faults belong to: "source", "allocation" or "reimbursement".
        var form: String = ""
        var sources: [(source: FundSource, allocated: Money)] = []
        var notice: String?
    }

    static func totals(_ totals: [FundsService.Total], first: String, link: (FundsService.Total) -> String?) -> HTML {
        let rows = totals.map { t -> HTML in
            let name: HTML = link(t).map { h -> HTML in "<a href=\"\(h)\">\(t.label)</a>" } ?? "\(t.label)"
            let idle: HTML = t.idleCount > 0 ? "<span class=\"bad\">\(t.idleCount) 笔 \(t.idleAmount.compactYuan)</span>" : "—"
            return "<tr\(t.idleCount > 0 ? " class=\"idle\"" as HTML : .empty)><td>\(name)</td><td class=\"num\">\(t.allocated.compactYuan)</td><td class=\"num\">\(t.reimbursed.compactYuan)</td><td class=\"num\">\(t.rate.percent)</td><td>\(idle)</td></tr>"
        }.joined(separator: "\n")
        return """
            <div class="scroll"><table><thead><tr><th scope="col">\(first)</th><th scope="col">下达金额（元）</th><th scope="col">已报账（元）</th><th scope="col">报账率</th><th scope="col">沉淀资金</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    /// The idle allocations the page lists (the oldest first); the CSV carries them all.
    static let shownIdle = 200

    static func render(_ o: FundsService.Overview, forms: Forms, csrf: String, chrome: Layout.Chrome?) -> HTML {
        let q = o.area.map { "area=\($0.value)&" } ?? ""
        let allIdle = o.idleRows
        let idleRows = allIdle.prefix(shownIdle).map { r -> HTML in
            let age = o.rule.age(of: r.allocation.date, asOf: o.asOf)
            return "<tr><td>\(o.areaNames[r.allocation.area] ?? r.allocation.area.value)</td><td>\(r.kind.rawValue)</td><td>\(r.document)</td><td class=\"num\">\(r.allocation.amount.compactYuan)</td><td class=\"num\">\(r.reimbursed.compactYuan)</td><td class=\"num bad\">\(r.rate.percent)</td><td>\(r.allocation.date.description)</td><td class=\"num\">\(age)</td><td>\(r.allocation.unit)</td><td>\(r.allocation.id!.rawValue)</td></tr>"
        }.joined(separator: "\n")
        let more: HTML = o.total.idleCount > allIdle.count
            ? "<p class=\"muted\">共 \(o.total.idleCount) 笔沉淀资金，这里列出下达最早的 \(allIdle.count) 笔；全部见 <a href=\"/funds.csv?\(q)as_of=\(o.asOf)&idle_days=\(o.rule.days)&idle_rate=\(o.rule.threshold)\">CSV</a>。</p>"
            : .empty
        let flag: HTML = o.mayManage && !allIdle.isEmpty ? """
            <form method="post" action="/funds/flag" class="noprint">
            <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="as_of" value="\(o.asOf)">
            <input type="hidden" name="area" value="\(o.area?.value ?? "")"><button type="submit">把尚未列入的沉淀资金列入问题清单（交责任单位整改）</button></form>
            """ : .empty
        let idle: HTML = allIdle.isEmpty ? "<p class=\"muted\">没有沉淀资金（下达超过\(o.rule.days)天、报账率低于\(o.rule.threshold)%）。</p>" : """
            <div class="scroll"><table id="idle-funds"><thead><tr><th scope="col">区划</th><th scope="col">资金来源</th><th scope="col">文号</th><th scope="col">下达（元）</th><th scope="col">已报账（元）</th><th scope="col">报账率</th><th scope="col">下达日期</th><th scope="col">沉淀天数</th><th scope="col">责任单位</th><th scope="col">下达编号</th></tr></thead>
            <tbody>\(idleRows)</tbody></table></div>\(more)\(flag)
            """
        let manage: HTML = o.mayManage ? management(forms, csrf: csrf) : .empty
        let body: HTML = """
            \(forms.notice.map { n -> HTML in "<p class=\"notice\">\(n)</p>" } ?? .empty)
            <form method="get" action="/funds" class="inline noprint">
            <label>统计日期<input type="date" name="as_of" value="\(o.asOf)"></label>
            <label>沉淀天数<input name="idle_days" value="\(o.rule.days)" size="4" inputmode="numeric"></label>
            <label>报账率低于（%）<input name="idle_rate" value="\(o.rule.threshold)" size="3" inputmode="numeric"></label>
            \(o.area.map { a -> HTML in "<input type=\"hidden\" name=\"area\" value=\"\(a.value)\">" } ?? .empty)
            <button type="submit">查看</button></form>
            <p>截至 \(o.asOf)：下达 <strong>\(o.total.allocated.compactYuan)</strong> 元，已报账 <strong>\(o.total.reimbursed.compactYuan)</strong> 元，报账率 <strong>\(o.total.rate.percent)</strong>；
            沉淀资金 <strong class="\(o.total.idleCount > 0 ? "bad" : "")">\(o.total.idleCount)</strong> 笔。
            <a href="/projects\(o.area.map { "?area=\($0.value)" } ?? "")" class="noprint">项目库</a> <a href="/leaks" class="noprint">防漏疑点</a> <a href="/notices" class="noprint">公告公示</a>
            <a href="/funds.csv?\(q)as_of=\(o.asOf)&idle_days=\(o.rule.days)&idle_rate=\(o.rule.threshold)" class="noprint">下载CSV</a></p>
            <h2>按乡镇</h2>
            \(o.byArea.isEmpty ? "<p class=\"muted\">这一区划还没有下达资金。</p>" as HTML : totals(o.byArea, first: "乡镇（区划）") { t in "/funds?area=\(t.key)&as_of=\(o.asOf)" })
            <h2>按资金来源</h2>
            \(o.bySource.isEmpty ? "<p class=\"muted\">—</p>" as HTML : totals(o.bySource, first: "资金来源") { _ in nil })
            <h2 id="by-unit">按责任单位（报账率由低到高）</h2>
            \(o.byUnit.isEmpty ? "<p class=\"muted\">—</p>" as HTML : totals(o.byUnit, first: "责任单位") { _ in nil })
            <h2 id="idle">沉淀资金</h2>
            \(idle)
            \(manage)
            """
        let title = o.area.flatMap { o.areaNames[$0] }.map { "\($0) 资金报账" } ?? "资金报账"
        return Layout.page(title: title, crumbs: [.init("首页", "/areas"), .init("资金项目")], chrome: chrome,
                           print: .init(landscape: true, signatures: ["制表人", "审核人"]), body: body)
    }

    static func management(_ forms: Forms, csrf: String) -> HTML {
        func fields(_ form: String) -> FormFields {
            FormFields(prefix: form, values: forms.form == form ? forms.values : [:], faults: forms.form == form ? forms.faults : [:])
        }
        let s = fields("source"), a = fields("allocation"), r = fields("reimbursement")
        let sources = forms.sources.map { x in (String(x.source.id!.rawValue), "\(x.source.document) \(x.source.kind.rawValue)（余 \((x.source.amount - x.allocated).compactYuan) 元）") }
        return """
            <div class="noprint">
            <h2>登记资金来源</h2>
            <form method="post" action="/funds/sources" class="stack" id="source-form"><input type="hidden" name="_csrf" value="\(csrf)">
            \(s.select("kind", "资金类别", FundSource.Kind.self))\(s.input("document", "文号", placeholder: "桂财农〔2019〕12号"))\(s.input("title", "资金名称"))
            \(s.input("issued", "下达日期", type: "date"))\(s.input("amount", "金额（元）", numeric: true))\(s.input("county", "县区划代码（县扶贫办可空）"))
            <button type="submit">登记</button></form>
            <h2>下达资金</h2>
            <form method="post" action="/funds/allocations" class="stack" id="allocation-form"><input type="hidden" name="_csrf" value="\(csrf)">
            \(a.select("source", "资金来源", sources))\(a.input("area", "下达到（乡镇或县的区划代码）"))\(a.input("project", "项目编号（到项目的资金，可空）"))
            \(a.input("amount", "金额（元）", numeric: true))\(a.input("date", "下达日期", type: "date"))\(a.input("unit", "责任单位"))
            <button type="submit">下达</button></form>
            <h2>报账</h2>
            <form method="post" action="/funds/reimbursements" class="stack" id="reimbursement-form"><input type="hidden" name="_csrf" value="\(csrf)">
            \(r.input("allocation", "下达编号"))\(r.input("amount", "报账金额（元）", numeric: true))\(r.input("date", "报账申请日期", type: "date"))
            \(r.input("voucher", "凭证号"))\(r.select("level", "报账级别", Reimbursement.Level.self))
            <button type="submit">报账</button></form>
            </div>
            """
    }
}
