import TuopinDomain
import TuopinServices

/// The notice-board sheet (A4): the title, the fields of policy-rules §6.6 drawn from the records, the posting
/// period, the complaint line and the issuing unit; below it (not printed) the form to record posting and removal.
enum NoticeSheetView {
    static func render(_ s: FundsService.NoticeSheet, values: [String: String], faults: [String: String], csrf: String, notice: String?,
                       chrome: Layout.Chrome?) -> HTML {
        let n = s.notice
        let place = s.areaNames[n.area] ?? n.area.value
        var fields: [(String, HTML)] = []
        if let src = s.source {
            fields = [("资金名称", "\(src.title)"), ("资金来源", "\(src.kind.rawValue)"), ("文号", "\(src.document)"), ("下达日期", "\(src.issued.description)"),
                      ("资金规模", "\(src.amount.compactYuan) 元")]
        } else if let d = s.project {
            let p = d.project
            fields = [("项目名称", "\(p.name)"), ("审批程序", "\(p.proposer.rawValue) → 乡镇审核 → 县审核 → 公示 → 入库"),
                      ("实施地点", "\(p.villages.map { s.areaNames[$0] ?? $0.value }.joined(separator: "、"))"), ("建设内容", "\(p.tasks)"),
                      ("建设期限", "\(p.start.description) 至 \(p.end.description)"), ("实施单位", "\(p.unit)"),
                      ("资金来源、额度和结构", "计划投资 \(p.planned.compactYuan) 元；\(p.funding)"),
                      ("受益对象", "\(p.beneficiaries) 人，其中建档立卡户 \(d.households.count) 户"), ("绩效目标", "\(p.targets)"),
                      ("带贫减贫机制", "\(p.mechanism)")]
            if n.kind == .announcement {
                fields.append(("完成情况", "\(p.accepted.map { "\($0) 验收合格" } ?? "—")；已报账 \(d.reimbursed.compactYuan) 元"))
            }
        }
        let rows = fields.map { f -> HTML in "<tr><th scope=\"row\">\(f.0)</th><td>\(f.1)</td></tr>" }.joined(separator: "\n")
        let allocations: HTML = s.allocations.isEmpty ? .empty : """
            <h3>分配结果</h3><table><thead><tr><th scope="col">下达到</th><th scope="col">责任单位</th><th scope="col">金额（元）</th><th scope="col">用途</th></tr></thead><tbody>
            \(s.allocations.map { a -> HTML in "<tr><td>\(s.areaNames[a.allocation.area] ?? a.allocation.area.value)</td><td>\(a.allocation.unit)</td><td class=\"num\">\(a.allocation.amount.compactYuan)</td><td>\(a.allocation.project.map { "项目 \($0.rawValue)" } ?? "统筹安排")</td></tr>" }.joined(separator: "\n"))
            </tbody></table>
            """
        let start = n.posted ?? n.due
        let period = "公示期：\(start) 至 \(n.removed ?? start.adding(days: PublicNotice.minimumDays))（不少于\(PublicNotice.minimumDays)天）"
        let f = FormFields(prefix: "notice", values: values, faults: faults)
        let form: HTML
        if !s.mayRecord {
            form = .empty
        } else if n.posted == nil {
            form = """
                <form method="post" action="/notices/\(n.kind.key)/\(n.subject)/post" class="stack noprint" id="notice-post"><input type="hidden" name="_csrf" value="\(csrf)">
                \(f.input("posted", "张贴日期", type: "date", value: s.today.description))\(f.input("place", "张贴地点", placeholder: "村委会公示栏"))
                <button type="submit">记录张贴</button></form>
                """
        } else if n.removed == nil {
            form = """
                <form method="post" action="/notices/\(n.kind.key)/\(n.subject)/remove" class="stack noprint" id="notice-remove"><input type="hidden" name="_csrf" value="\(csrf)">
                \(f.input("removed", "撤下日期", type: "date", value: s.today.description))
                <button type="submit">记录撤下</button></form>
                """
        } else { form = .empty }
        let state = n.state(on: s.today)
        let body: HTML = """
            \(notice.map { x -> HTML in "<p class=\"notice noprint\">\(x)</p>" } ?? .empty)
            <p class="noprint">状态：\(state == .overdue || state == .early ? "<span class=\"bad\">\(state.rawValue)</span>" as HTML : "\(state.rawValue)")；应张贴日期 \(n.due)\(n.posted.map { p -> HTML in "；\(p) 张贴于\(n.place)" } ?? .empty)\(n.removed.map { r -> HTML in "；\(r) 撤下" } ?? .empty)</p>
            <article class="notice-sheet">
            <h2 class="bulletin-title">\(n.title)</h2>
            <p>根据扶贫资金项目公告公示制度，现将\(n.kind == .allocation ? "资金分配结果" : "项目有关情况")\(n.kind == .announcement ? "公告" : "公示")如下：</p>
            <table class="notice-fields"><tbody>\(rows)</tbody></table>
            \(allocations)
            <p>\(period)。公示期间如有异议，请向\(place)或县扶贫开发领导小组办公室反映。</p>
            <p>监督举报电话：12317（全国扶贫监督举报电话）</p>
            <p class="notice-sign">\(place)<br>\(n.posted ?? s.today)</p>
            </article>
            \(form)
            """
        return Layout.page(title: n.title, crumbs: [.init("首页", "/areas"), .init("公告公示", "/notices"), .init(n.kind.rawValue)], chrome: chrome,
                           print: .init(landscape: false), body: body)
    }
}
