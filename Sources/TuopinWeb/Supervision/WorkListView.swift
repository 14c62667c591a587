import TuopinDomain
import TuopinServices

/// 月工作清单 — a month's tasks laid out as the document the command issues (A4: number, task, unit, area,
/// due date, where it stands), with the form that adds a task for whoever issues them.
enum WorkListView {
    static func render(_ w: SupervisionService.WorkList, values: [String: String], faults: [String: String], notice: String?, csrf: String,
                       chrome: Layout.Chrome?) -> HTML {
        let rows = w.tasks.enumerated().map { i, p -> HTML in
            let state: HTML = p.isOverdue(on: w.today) ? "<span class=\"bad\">\(p.state == .applied ? "申请完成" : p.state.rawValue)（逾期 \(p.daysOverdue(on: w.today)) 天）</span>"
                : p.state == .closed ? "已完成" : p.state == .applied ? "申请完成" : .text(p.state.rawValue)
            return """
                <tr><td class="num">\(i + 1)</td><td><a href="/problems/\(p.id!.rawValue)">\(p.description)</a></td><td>\(p.unit)</td>\
                <td>\(w.areaNames[p.area] ?? p.area.value)</td><td>\(p.deadline.description)</td><td>\(state)</td></tr>
                """
        }.joined(separator: "\n")
        let f = FormFields(prefix: "task", values: values, faults: faults)
        let form: HTML = w.mayIssue ? """
            <h2 class="noprint">下达任务</h2>
            <form method="post" action="/worklist?month=\(w.month.key)" class="stack noprint" id="task-form">
            <input type="hidden" name="_csrf" value="\(csrf)">
            \(f.text("task", "工作任务", rows: 2))\(f.input("unit", "责任单位"))
            \(f.input("area", "区划代码（乡镇或县）", value: w.issuer?.value ?? "", numeric: true))
            \(f.select("category", "检查项目", w.checkItems.map { ($0, $0) }))
            \(f.input("due", "完成时限", type: "date", value: w.month.last.description))
            <button type="submit">加入本月清单</button></form>
            """ : .empty
        let previous = w.month.first.adding(days: -1), next = w.month.last.adding(days: 1)
        let body: HTML = """
            \(notice.map { n -> HTML in "<p class=\"notice\">\(n)</p>" } ?? .empty)
            <form class="filters noprint" method="get" action="/worklist">
            <label>月份<input name="month" value="\(w.month.key)" placeholder="2016-08" inputmode="numeric" size="8"></label>
            <label>区划代码<input name="area" value="\(w.area?.value ?? "")" placeholder="6、9或12位"></label>
            <button type="submit">查看</button>
            <a href="/worklist?month=\(DutyPeriod.month(previous.year, previous.month).key)">上月</a>
            <a href="/worklist?month=\(DutyPeriod.month(next.year, next.month).key)">下月</a>
            </form>
            <div class="bulletin">
            <h2 class="bulletin-title">\(w.areaName)脱贫攻坚\(w.month.year)年\(w.month.index)月工作清单</h2>
            <p>共 \(w.tasks.count) 项，已完成 \(w.done) 项，逾期 \(w.overdue) 项。每项任务按问题整改流程办理：责任单位完成后申请销号，下达单位审核。</p>
            \(w.tasks.isEmpty ? "<p class=\"muted\">本月还没有下达任务。</p>" as HTML : """
                <table id="work-list"><thead><tr><th scope="col">序号</th><th scope="col">工作任务</th><th scope="col">责任单位</th><th scope="col">区划</th>\
                <th scope="col">完成时限</th><th scope="col">完成情况</th></tr></thead><tbody>\(rows)</tbody></table>
                """ as HTML)
            </div>
            \(form)
            """
        return Layout.page(title: "月工作清单 \(w.month.key)", crumbs: [.init("首页", "/areas"), .init("问题清单", "/problems"), .init("月工作清单")],
                           chrome: chrome, print: .init(landscape: false, signatures: ["签发", "日期"]), body: body)
    }
}
