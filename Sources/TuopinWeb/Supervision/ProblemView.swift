import TuopinDomain
import TuopinServices

/// 问题页 — one problem: what, where, who answers for it, the households, the deadline (overdue and escalated
/// when so), its whole history with the evidence, and the forms for the steps the viewer may take now.
enum ProblemView {
    static let actionLabels = ["list": "登记", "claim": "认领", "assign": "交办", "apply": "申请销号", "return": "退回", "close": "销号",
                               "reopen": "复查重开", "extend": "延期", "divide": "分办"]

    /// Rows of the 分办 form (blank rows are skipped).
    static let shareRows = 4

    static func render(_ d: SupervisionService.Detail, csrf: String, values: [String: String], faults: [String: String], notice: String?,
                       chrome: Layout.Chrome?) -> HTML {
        let p = d.problem
        func fault(_ key: String) -> HTML { faults[key].map { x -> HTML in "<span class=\"bad\" id=\"s-\(key)-fault\">\(x)</span>" } ?? .empty }
        func invalid(_ key: String) -> HTML { faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"s-\(key)-fault\"" }
        func form(_ action: String, _ button: String, _ fields: HTML) -> HTML {
            let files = action == "apply" || action == "reopen"
            return """
            <form method="post" action="/problems/\(p.id!.rawValue)/steps" class="stack noprint" id="step-\(action)"\(files ? " enctype=\"multipart/form-data\"" as HTML : .empty)>
            <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="action" value="\(action)">
            \(fields)<button type="submit">\(button)</button></form>
            """
        }
        func input(_ key: String, _ label: String, type: String = "text") -> HTML {
            "<label>\(label)<input type=\"\(type)\" name=\"\(key)\" value=\"\(values[key] ?? "")\"\(invalid(key))>\(fault(key))</label>"
        }
        func area(_ key: String, _ label: String) -> HTML {
            "<label>\(label)<textarea name=\"\(key)\" rows=\"3\"\(invalid(key))>\(values[key] ?? "")</textarea>\(fault(key))</label>"
        }
        var forms: [HTML] = []
        for a in d.allowed {
            switch a {
            case "claim": forms.append(form("claim", "认领", input("unit", "责任单位")))
            case "assign": forms.append(form("assign", "交办", input("unit", "交办给（责任单位）")))
            case "apply": forms.append(form("apply", "申请销号", area("evidence", "整改情况（至少10字，有照片或文件时可简写）") + input("audit_record", "关联的登记修改（痕迹编号，可空）")
                                            + AttachmentViews.input(d.uploadLimit, label: "整改佐证照片或文件", fault: faults["files"])))
            case "return": forms.append(form("return", "退回重改", area("note", "退回原因")))
            case "close": forms.append(form("close", "审核通过，销号", input("note", "审核意见（可空）")))
            case "reopen": forms.append(form("reopen", "复查重开", area("note", "复查发现的情况") + input("deadline", "新的整改期限", type: "date")
                                             + AttachmentViews.input(d.uploadLimit, label: "复查照片（可空）", fault: faults["files"])))
            case "extend": forms.append(form("extend", "延期", input("deadline", "新的整改期限", type: "date") + input("note", "延期原因")))
            case "divide":
                let rows = (0..<Self.shareRows).map { n -> HTML in
                    "<div class=\"share\">" + input("unit_\(n)", "第\(n + 1)个责任单位") + input("deadline_\(n)", "整改期限", type: "date") + "</div>"
                }.joined()
                forms.append(form("divide", "分办", "<p class=\"muted\">一个问题涉及几个单位时，分别交办、各定期限；本问题留给第一个单位，其余各成一个问题，分别整改销号。</p>"
                                  + fault("shares") + rows))
            default: break
            }
        }
        let steps = d.steps.map { s -> HTML in
            let record: HTML = s.auditRecord.map { n -> HTML in "（关联痕迹 <a href=\"/audit?seq=\(n)\">\(n)</a>）" } ?? .empty
            return "<tr><td>\(s.date.description)</td><td>\(actionLabels[s.action] ?? s.action)</td><td>\(s.username)</td><td>\(s.note)</td><td>\(s.evidence)\(record)</td><td>\(s.state.rawValue)</td></tr>"
        }.joined(separator: "\n")
        let accountability = d.accountability.map { a -> HTML in
            "<tr><td>\(a.date.description)</td><td>\(a.action.rawValue)</td><td>\(a.unit) \(a.person)</td><td>\(a.basis.rawValue)</td><td>\(a.note)</td></tr>"
        }.joined(separator: "\n")
        func select<V: Vocabulary>(_ key: String, _ label: String, _ type: V.Type) -> HTML {
            let options = V.allCases.map { v -> HTML in "<option\(values[key] == v.rawValue ? " selected" : "")>\(v.rawValue)</option>" }.joined()
            return "<label>\(label)<select name=\"\(key)\"\(invalid(key))><option value=\"\">请选择</option>\(options)</select>\(fault(key))</label>"
        }
        let accountForm: HTML = d.mayHoldToAccount ? """
            <form method="post" action="/problems/\(p.id!.rawValue)/accountability" class="stack noprint" id="accountability-form">
            <input type="hidden" name="_csrf" value="\(csrf)">
            \(select("account_action", "问责方式", Accountability.Action.self))\(select("basis", "依据", Accountability.Basis.self))
            \(input("account_unit", "单位"))\(input("person", "责任人（可空）"))\(input("phone", "责任人电话（干部名单中的，可空）"))
            \(input("date", "日期", type: "date"))\(area("account_note", "决定文号或情况"))
            <button type="submit">记录问责</button></form>
            """ : .empty
        let households = d.households.map { h -> HTML in "<a href=\"/households/\(h.id.rawValue)\">\(h.number) \(h.head)</a>" }.joined(separator: "、")
        let escalated: HTML = p.escalatedTo(on: d.today, afterDays: d.escalateAfterDays).map { a -> HTML in "；已升级至 \(a.value) 督办" } ?? .empty
        let overdue: HTML = p.isOverdue(on: d.today) ? "<span class=\"bad\">逾期 \(p.daysOverdue(on: d.today)) 天\(escalated)</span>" : .empty
        let family = d.family.map { f -> HTML in
            let this: HTML = f.id == p.id ? "（本问题）" : .empty
            let late: HTML = f.isOverdue(on: d.today) ? " <span class=\"bad\">逾期</span>" : .empty
            return "<tr><td><a href=\"/problems/\(f.id!.rawValue)\">\(f.id!.rawValue)</a>\(this)</td><td>\(f.unit)</td><td>\(f.deadline.description)</td><td>\(f.state.rawValue)\(late)</td></tr>"
        }.joined(separator: "\n")
        let divided: HTML = d.family.isEmpty ? .empty : """
            <h2 id="divided">分办情况</h2>
            <table><thead><tr><th scope="col">问题</th><th scope="col">责任单位</th><th scope="col">整改期限</th><th scope="col">状态</th></tr></thead><tbody>\(family)</tbody></table>
            """
        let body: HTML = """
            \(notice.map { n -> HTML in "<p class=\"notice\">\(n)</p>" } ?? .empty)
            <dl class="facts">
            <dt>状态</dt><dd>\(p.state.rawValue) \(overdue)</dd>
            <dt>来源</dt><dd>\(p.source.rawValue)\(d.inspection.map { i -> HTML in "（<a href=\"/inspections/\(i.id!.rawValue)\">\(i.title)</a>）" } ?? .empty)</dd>
            <dt>区划</dt><dd>\(d.areaNames[p.area] ?? p.area.value)（\(p.area.value)）</dd>
            <dt>检查项目</dt><dd>\(p.category)</dd>
            <dt>问题描述</dt><dd>\(p.description)</dd>
            <dt>涉及的户</dt><dd>\(d.households.isEmpty ? "—" : households)</dd>
            <dt>严重程度</dt><dd>\(p.severity.rawValue)</dd>
            <dt>发现日期</dt><dd>\(p.found.description)</dd>
            <dt>整改期限</dt><dd>\(p.deadline.description)</dd>
            <dt>责任单位</dt><dd>\(p.unit.isEmpty ? "待认领" : p.unit)</dd>
            <dt>下发单位（审核销号）</dt><dd>\(d.areaNames[p.issuedBy] ?? p.issuedBy.value)</dd>
            \(p.closed.map { c -> HTML in "<dt>销号日期</dt><dd>\(c.description)</dd>" } ?? .empty)
            \(p.parent.map { r -> HTML in "<dt>分办自</dt><dd><a href=\"/problems/\(r.rawValue)\">问题 \(r.rawValue)</a></dd>" } ?? .empty)
            </dl>
            \(divided)
            <h2>照片与材料</h2>
            \(AttachmentViews.list(d.attachments))
            \(forms.isEmpty ? .empty : "<h2>办理</h2>" + forms.joined())
            <h2>问责情况</h2>
            \(d.accountability.isEmpty ? "<p class=\"muted\">没有问责记录。</p>" as HTML : "<table><thead><tr><th scope=\"col\">日期</th><th scope=\"col\">方式</th><th scope=\"col\">单位、责任人</th><th scope=\"col\">依据</th><th scope=\"col\">说明</th></tr></thead><tbody>\(accountability)</tbody></table>" as HTML)
            \(accountForm)
            <h2>整改过程</h2>
            <table><thead><tr><th scope="col">日期</th><th scope="col">操作</th><th scope="col">办理人</th><th scope="col">意见或原因</th><th scope="col">证据</th><th scope="col">办理后状态</th></tr></thead><tbody>\(steps)</tbody></table>
            """
        return Layout.page(title: "问题 \(p.id!.rawValue)", crumbs: [.init("首页", "/areas"), .init("问题清单", "/problems"), .init("问题 \(p.id!.rawValue)")],
                           chrome: chrome, print: .init(landscape: false, signatures: ["审核人", "日期"]), body: body)
    }
}
