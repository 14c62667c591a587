import TuopinDomain
import TuopinServices
import TuopinStore

/// 问题看板 — an area's problems, the overdue first (with how many days, and where it has escalated to), the
/// counts by township or village and by unit, filters by state, source, check item and overdue.
enum ProblemBoardView {
    static func stateCell(_ p: Problem, today: LocalDate, escalateAfter: Int) -> HTML {
        guard p.isOverdue(on: today) else { return "\(p.state.rawValue)" }
        let up: HTML = p.escalatedTo(on: today, afterDays: escalateAfter) != nil ? "，已升级督办" : .empty
        return "<span class=\"bad\">\(p.state.rawValue)（逾期 \(p.daysOverdue(on: today)) 天\(up)）</span>"
    }

    static func render(_ b: SupervisionService.Board, query: String, mayList: Bool, chrome: Layout.Chrome?) -> HTML {
        let f = b.filter
        func options(_ all: [String], _ chosen: String?) -> HTML {
            "<option value=\"\">全部</option>" + all.map { o -> HTML in "<option\(o == chosen ? " selected" : "")>\(o)</option>" }.joined()
        }
        let rows = b.problems.map { p -> HTML in
            """
            <tr><td><a href="/problems/\(p.id!.rawValue)">\(p.id!.rawValue)</a></td><td>\(b.areaNames[p.area] ?? p.area.value)</td><td>\(p.source.rawValue)</td>\
            <td>\(p.category)</td><td>\(p.description)</td><td>\(p.unit.isEmpty ? "—" : p.unit)</td><td>\(p.severity.rawValue)</td>\
            <td>\(p.deadline.description)</td><td>\(stateCell(p, today: b.today, escalateAfter: b.escalateAfterDays))</td></tr>
            """
        }.joined(separator: "\n")
        func countTable(_ counts: [ProblemStore.Counts], _ head: String, name: (String) -> HTML) -> HTML {
            guard !counts.isEmpty else { return .empty }
            let lines = counts.prefix(40).map { c -> HTML in
                "<tr><td>\(name(c.key))</td><td class=\"num\">\(c.total)</td><td class=\"num\">\(c.open)</td><td class=\"num\">\(c.overdue > 0 ? "<span class=\"bad\">\(c.overdue)</span>" as HTML : "0")</td><td class=\"num\">\(c.applied)</td><td class=\"num\">\(c.closed)</td></tr>"
            }.joined(separator: "\n")
            return "<table><thead><tr><th scope=\"col\">\(head)</th><th scope=\"col\">问题</th><th scope=\"col\">整改中/待认领</th><th scope=\"col\">逾期</th><th scope=\"col\">申请销号</th><th scope=\"col\">已销号</th></tr></thead><tbody>\(lines)</tbody></table>"
        }
        let partTable = countTable(b.byPart, "区划") { key in
            let code = AreaCode.padded(key)
            return code.map { c -> HTML in "<a href=\"/problems?area=\(c.value)\">\(b.areaNames[c] ?? c.value)</a>" } ?? "\(key)"
        }
        let unitTable = countTable(b.byUnit, "责任单位") { key in key.isEmpty ? "（待认领）" : "\(key)" }
        let pages = (b.total + SupervisionService.perPage - 1) / SupervisionService.perPage
        let pager: HTML = pages > 1 ? """
            <p class="pager">第 \(b.page)/\(pages) 页 \(b.page > 1 ? "<a href=\"/problems?\(query)&page=\(b.page - 1)\">上一页</a>" as HTML : .empty) \
            \(b.page < pages ? "<a href=\"/problems?\(query)&page=\(b.page + 1)\">下一页</a>" as HTML : .empty)</p>
            """ : .empty
        let body: HTML = """
            <form class="filters noprint" method="get" action="/problems">
            <label>区划代码<input name="area" value="\(f.area?.value ?? "")" placeholder="6、9或12位"></label>
            <label>状态<select name="state">\(options(ProblemState.allCases.map(\.rawValue), f.state?.rawValue))</select></label>
            <label>来源<select name="source">\(options(ProblemSource.allCases.map(\.rawValue), f.source?.rawValue))</select></label>
            <label>检查项目<select name="category">\(options(b.checkItems, f.category))</select></label>
            <label><input type="checkbox" name="overdue" value="1"\(f.overdueOn != nil ? " checked" : "")>只看逾期</label>
            <button type="submit">查看</button>
            <a href="/problems.csv?\(query)">导出 CSV</a>
            \(mayList ? "<a href=\"/problems/new\">登记问题</a>" as HTML : .empty)
            <a href="/inspections">督查与暗访</a>
            <a href="/bulletin\(f.area.map { "?area=\($0.value)" } ?? "")">督查通报</a>
            <a href="/worklist">月工作清单</a>
            </form>
            <p>共 \(b.total) 个问题。未销号的按整改期限排在前面，逾期的标红；逾期超过 \(b.escalateAfterDays) 天的升级到上一级督办。</p>
            \(b.problems.isEmpty ? "<p class=\"ok\">没有符合条件的问题。</p>" as HTML : "<table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">区划</th><th scope=\"col\">来源</th><th scope=\"col\">检查项目</th><th scope=\"col\">问题描述</th><th scope=\"col\">责任单位</th><th scope=\"col\">程度</th><th scope=\"col\">整改期限</th><th scope=\"col\">状态</th></tr></thead><tbody>\(rows)</tbody></table>" as HTML)
            \(pager)
            <h2>按区划</h2>
            \(partTable)
            <h2>按责任单位</h2>
            \(unitTable)
            """
        return Layout.page(title: "问题清单", crumbs: [.init("首页", "/areas"), .init("问题清单")], chrome: chrome,
                           print: .init(landscape: true, signatures: ["审核人", "日期"]), body: body)
    }
}
