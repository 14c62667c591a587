import TuopinDomain
import TuopinServices
import TuopinStore

/// 督查通报 — a month's bulletin laid out like an official document on A4: title and issue, the summary, the
/// tables by area and by unit, the worst cases named, the accountability of the month.
enum BulletinView {
    static func render(_ b: SupervisionService.Bulletin, chrome: Layout.Chrome?) -> HTML {
        let query = "month=\(b.month.key)\(b.area.map { "&area=\($0.value)" } ?? "")"
        func table(_ rows: [ProblemStore.MonthCounts], _ head: String, name: (String) -> String) -> HTML {
            guard !rows.isEmpty else { return "<p class=\"muted\">无。</p>" }
            let lines = rows.prefix(60).map { c -> HTML in
                "<tr><td>\(name(c.key))</td><td class=\"num\">\(c.found)</td><td class=\"num\">\(c.closed)</td><td class=\"num\">\(c.open)</td><td class=\"num\">\(c.overdue)</td></tr>"
            }.joined(separator: "\n")
            return "<table><thead><tr><th scope=\"col\">\(head)</th><th scope=\"col\">本月发现</th><th scope=\"col\">本月销号</th><th scope=\"col\">月末未销号</th><th scope=\"col\">其中逾期</th></tr></thead><tbody>\(lines)</tbody></table>"
        }
        let worst = b.worst.map { p -> HTML in
            "<li><a href=\"/problems/\(p.id!.rawValue)\">问题 \(p.id!.rawValue)</a>：\(b.areaNames[p.area] ?? p.area.value)，\(p.description)（\(p.unit.isEmpty ? "待认领" : p.unit)，整改期限 \(p.deadline.description)）</li>"
        }.joined()
        let accountability = b.accountability.map { a -> HTML in
            "<li>\(a.date.description)，\(a.unit)\(a.person.isEmpty ? "" : a.person)：\(a.action.rawValue)（\(a.basis.rawValue)）。\(a.note)</li>"
        }.joined()
        let body: HTML = """
            <form class="filters noprint" method="get" action="/bulletin">
            <label>月份<input name="month" value="\(b.month.key)" placeholder="2016-08" inputmode="numeric" size="8"></label>
            <label>区划代码<input name="area" value="\(b.area?.value ?? "")" placeholder="6、9或12位"></label>
            <button type="submit">生成</button>
            <a href="/bulletin.xlsx?\(query)">导出 XLSX</a>
            </form>
            <div class="bulletin">
            <h2 class="bulletin-title">脱贫攻坚督查通报</h2>
            <p class="bulletin-issue">\(b.month.year)年第\(b.month.index)期　\(b.areaName)</p>
            <h3>一、总体情况</h3>
            <p>\(b.summary)</p>
            <h3>二、各区划情况（逾期多的在前）</h3>
            \(table(b.byPart, "区划") { key in AreaCode.padded(key).flatMap { b.areaNames[$0] } ?? key })
            <h3>三、各责任单位情况</h3>
            \(table(b.byUnit, "责任单位") { $0.isEmpty ? "（待认领）" : $0 })
            <h3>四、逾期最久的问题</h3>
            \(b.worst.isEmpty ? "<p>本月末没有逾期未销号的问题。</p>" as HTML : "<ol>\(worst)</ol>" as HTML)
            <h3>五、问责与表彰</h3>
            \(b.accountability.isEmpty ? "<p>本月无。</p>" as HTML : "<ol>\(accountability)</ol>" as HTML)
            <p class="muted">数据截至\(b.month.last.description)，由问题清单生成；“月末未销号”含月末时整改中、待认领和申请销号的问题，复查重开的问题计为未销号。</p>
            </div>
            """
        return Layout.page(title: "督查通报 \(b.month.key)", crumbs: [.init("首页", "/areas"), .init("问题清单", "/problems"), .init("督查通报")],
                           chrome: chrome, print: .init(landscape: false, signatures: ["签发", "日期"]), body: body)
    }
}
