import TuopinDomain
import TuopinServices

/// 项目页 — one project: the required fields, where it stands in the lifecycle, its history, its money and
/// reimbursements with the rate, its beneficiaries, and the steps the viewer may take now.
enum ProjectView {
    /// The button for moving on to each stage.
    static let advanceLabels: [ProjectStage: String] = [
        .townshipReviewed: "乡镇审核通过", .countyReviewed: "县审核通过", .posted: "开始公示（入库前公示）", .pooled: "公示无异议，入库",
        .planned: "列入年度计划", .underway: "开工实施", .accepted: "验收合格", .reimbursed: "报账完毕", .announced: "发布竣工公告",
        .evaluated: "完成绩效评价",
    ]
    static let actionLabels = ["propose": "申报", "advance": "推进", "object": "公示异议", "remove": "出库", "replan": "调整计划"]

    static func render(_ d: FundsService.ProjectDetail, csrf: String, values: [String: String], faults: [String: String], notice: String?,
                       chrome: Layout.Chrome?) -> HTML {
        let p = d.project
        let f = FormFields(prefix: "step", values: values, faults: faults)
        func form(_ action: String, _ button: String, _ fields: HTML) -> HTML {
            """
            <form method="post" action="/projects/\(p.id!.rawValue)/steps" class="stack noprint" id="step-\(action)" enctype="multipart/form-data">
            <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="action" value="\(action)">
            \(fields)\(AttachmentViews.input(d.uploadLimit, label: "材料（会议纪要、验收报告、公示照片等，可空）", fault: faults["files"]))<button type="submit">\(button)</button></form>
            """
        }
        var forms: [HTML] = []
        for a in d.allowed {
            switch a {
            case "advance":
                let next = p.nextStage!
                let note: HTML = next == .evaluated ? f.text("note", "绩效评价结论") : f.input("note", "意见（可空）")
                forms.append(form("advance", advanceLabels[next] ?? next.rawValue, note))
            case "object": forms.append(form("object", "公示有异议，退回县审核", f.text("note", "异议内容")))
            case "remove": forms.append(form("remove", "出库", f.text("note", "出库原因")))
            case "replan": forms.append(form("replan", "调整计划（重新批复）", f.input("amount", "新的计划投资（元）", numeric: true) + f.input("note", "批复文号或原因")))
            default: break
            }
        }
        if d.mayReimburse {
            let r = FormFields(prefix: "reimbursement", values: values, faults: faults)
            let choices = d.ledger.map { l in (String(l.allocation.id!.rawValue), "\(l.allocation.id!.rawValue)：\(l.document)（余 \((l.allocation.amount - l.reimbursed).compactYuan) 元）") }
            forms.append("""
                <form method="post" action="/projects/\(p.id!.rawValue)/reimbursements" class="stack noprint" id="project-reimbursement">
                <input type="hidden" name="_csrf" value="\(csrf)">
                \(r.select("allocation", "下达资金", choices))\(r.input("amount", "报账金额（元）", numeric: true))\(r.input("date", "报账申请日期（不早于验收日期）", type: "date"))
                \(r.input("voucher", "凭证号"))\(r.select("level", "报账级别", Reimbursement.Level.self))
                <button type="submit">报账</button></form>
                """)
        }
        // Faults of fields the page shows sit beside them; the others (the step itself, a form not shown) head the page.
        var shown: Set<String> = d.allowed.isEmpty ? [] : ["note", "amount", "files"]
        if d.mayReimburse { shown.formUnion(["allocation", "amount", "date", "voucher", "level"]) }
        let loose = faults.filter { !shown.contains($0.key) }.map(\.value).sorted()
        let alert: HTML = faults.isEmpty ? .empty
            : "<p class=\"bad\" role=\"alert\" id=\"step-fault\">未办理：\(loose.isEmpty ? "见下方表单中的说明。" : loose.joined(separator: "；"))</p>"
        let lifecycle = (ProjectStage.lifecycle + (p.stage == .removed ? [.removed] : [])).map { s -> HTML in
            "<li\(s == p.stage ? " class=\"current\" aria-current=\"step\"" as HTML : .empty)>\(s.rawValue)</li>"
        }.joined()
        let steps = d.steps.map { s -> HTML in
            "<tr><td>\(s.date.description)</td><td>\(actionLabels[s.action] ?? s.action)</td><td>\(s.username)</td><td>\(s.stage.rawValue)</td><td>\(s.note)</td></tr>"
        }.joined(separator: "\n")
        let money = d.ledger.map { l -> HTML in
            "<tr><td>\(l.allocation.id!.rawValue)</td><td>\(l.kind.rawValue) \(l.document)</td><td>\(l.allocation.date.description)</td><td class=\"num\">\(l.allocation.amount.compactYuan)</td><td class=\"num\">\(l.reimbursed.compactYuan)</td><td class=\"num\">\(l.rate.percent)</td></tr>"
        }.joined(separator: "\n")
        let paid = d.reimbursements.map { r -> HTML in
            "<tr><td>\(r.date.description)</td><td>\(r.voucher)</td><td>\(r.level.rawValue)</td><td class=\"num\">\(r.amount.compactYuan)</td></tr>"
        }.joined(separator: "\n")
        let households = d.households.map { h -> HTML in "<a href=\"/households/\(h.id.rawValue)\">\(h.number) \(h.head)</a>" }.joined(separator: "、")
        let place = p.villages.map { d.areaNames[$0] ?? $0.value }.joined(separator: "、")
        let body: HTML = """
            \(notice.map { n -> HTML in "<p class=\"notice\">\(n)</p>" } ?? .empty)
            \(alert)
            <ol class="lifecycle" aria-label="项目阶段">\(lifecycle)</ol>
            <dl class="facts">
            <dt>阶段</dt><dd>\(p.stage.rawValue)\(p.removal.map { r -> HTML in "（\(r)）" } ?? .empty)</dd>
            <dt>项目类别</dt><dd>\(p.category.rawValue)，\(p.nature.rawValue)，\(p.proposer.rawValue)</dd>
            <dt>实施地点</dt><dd>\(place)</dd>
            <dt>责任单位</dt><dd>\(p.unit)</dd>
            <dt>建设任务</dt><dd>\(p.tasks)</dd>
            <dt>计划投资</dt><dd>\(p.planned.compactYuan) 元（\(p.funding)）</dd>
            <dt>时间进度</dt><dd>\(p.year)年，\(p.start) 至 \(p.end)</dd>
            <dt>受益对象</dt><dd>\(p.beneficiaries) 人；建档立卡户 \(d.households.count) 户\(d.households.isEmpty ? .empty : "：" + households)</dd>
            <dt>绩效目标</dt><dd>\(p.targets.isEmpty ? "<span class=\"bad\">未填写（不能公示入库）</span>" as HTML : "\(p.targets)")</dd>
            <dt>带贫减贫机制</dt><dd>\(p.mechanism)</dd>
            \(p.posted.map { x -> HTML in "<dt>公示日期</dt><dd>\(x)（已公示 \(max(0, d.today.days(since: x))) 天）</dd>" } ?? .empty)
            \(p.accepted.map { x -> HTML in "<dt>验收日期</dt><dd>\(x)</dd>" } ?? .empty)
            \(p.announced.map { x -> HTML in "<dt>公告日期</dt><dd>\(x)</dd>" } ?? .empty)
            \(p.posted == nil && p.accepted == nil ? .empty : "<dt>公告公示</dt><dd>" + (p.posted.map { _ -> HTML in "<a href=\"/notices/posting/\(p.id!.rawValue)\">入库前公示</a> " } ?? .empty) + (p.accepted.map { _ -> HTML in "<a href=\"/notices/announcement/\(p.id!.rawValue)\">竣工公告</a>" } ?? .empty) + "</dd>")
            <dt>已报账</dt><dd>\(d.reimbursed.compactYuan) 元（上限为计划投资的110%：\(p.reimbursementCeiling.compactYuan) 元）</dd>
            </dl>
            \(forms.isEmpty ? .empty : "<h2>办理</h2>" + forms.joined())
            <h2>资金</h2>
            \(d.ledger.isEmpty ? "<p class=\"muted\">还没有安排到本项目的资金。</p>" as HTML : "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">下达编号</th><th scope=\"col\">资金来源</th><th scope=\"col\">下达日期</th><th scope=\"col\">下达（元）</th><th scope=\"col\">已报账（元）</th><th scope=\"col\">报账率</th></tr></thead><tbody>\(money)</tbody></table></div>" as HTML)
            \(d.reimbursements.isEmpty ? .empty : "<h3>报账记录</h3><table id=\"reimbursements\"><thead><tr><th scope=\"col\">申请日期</th><th scope=\"col\">凭证号</th><th scope=\"col\">级别</th><th scope=\"col\">金额（元）</th></tr></thead><tbody>\(paid)</tbody></table>" as HTML)
            <h2>材料</h2>
            \(AttachmentViews.list(d.attachments))
            <h2>办理过程</h2>
            <table id="project-steps"><thead><tr><th scope="col">日期</th><th scope="col">操作</th><th scope="col">办理人</th><th scope="col">办理后阶段</th><th scope="col">意见或原因</th></tr></thead><tbody>\(steps)</tbody></table>
            """
        return Layout.page(title: p.name, crumbs: [.init("首页", "/areas"), .init("项目库", "/projects"), .init(p.name)], chrome: chrome,
                           print: .init(landscape: false, signatures: ["经办人", "审核人"]), body: body)
    }
}
