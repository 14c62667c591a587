import TuopinDomain
import TuopinServices
import TuopinStore

/// 入户调查 — the form an evaluator fills in at the household on a phone: the household (ID numbers masked),
/// the verdict its stratum allows, the questionnaire's sections (as data), the four approval questions, the date
/// and a note.
enum InterviewFormView {
    static func render(_ d: EvaluationService.Detail, sampled s: EvaluationStore.Sampled, values: [String: String], faults: [String: String],
                       today: LocalDate, questionnaire: Questionnaire, csrf: String, chrome: Layout.Chrome?) -> HTML {
        let e = d.evaluation, p = s.pick
        let before = d.interviews[p.number]
        var v = values
        if v["verdict"] == nil, let b = before {
            v.merge(["verdict": b.verdict.rawValue, "date": b.date.description, "note": b.note]) { _, b in b }
            for (i, item) in EvaluationInterview.approvalItems.enumerated() { v["approval\(i)"] = b.approvals[item].map { $0 ? "认可" : "不认可" } ?? "" }
            for (key, answer) in b.answers { v["q_\(key)"] = answer }
        }
        let f = FormFields(prefix: "interview", values: v, faults: faults)
        let ref = s.household.flatMap { d.households[$0] }
        let verdicts = EvaluationVerdict.allowed(for: p.stratum).map { ($0.rawValue, $0.rawValue) }
        let approvals = EvaluationInterview.approvalItems.enumerated().map { i, item -> HTML in
            f.select("approval\(i)", "对\(item)是否认可", [("认可", "认可"), ("不认可", "不认可")], blank: "未问")
        }.joined()
        let sections = questionnaire.sections.map { section -> HTML in
            let items = section.items.map { item -> HTML in
                let key = "q_\(item.key)"
                switch item.kind {
                case .yesNo: return f.select(key, item.label, [("是", "是"), ("否", "否")], blank: "未问")
                case .number: return f.input(key, item.label, numeric: true)
                case .text: return f.input(key, item.label)
                case .choice(let options): return f.select(key, item.label, options.map { ($0, $0) }, blank: "未问")
                }
            }.joined()
            return "<fieldset><legend>\(section.title)</legend>\(items)</fieldset>"
        }.joined()
        let body: HTML = """
            <dl class="facts"><dt>样本编号</dt><dd>\(p.number)</dd><dt>村</dt><dd>\(d.areaNames[p.village] ?? p.village.value)</dd>
            <dt>层</dt><dd>\(p.stratum.rawValue)</dd><dt>户</dt><dd>\(ref.map { r -> HTML in "<a href=\"/households/\(r.id.rawValue)\">\(r.number) \(r.head)</a>" } ?? .text(p.key))（\(p.persons) 人）</dd></dl>
            <form method="post" action="/evaluations/\(e.id!.rawValue)/interviews/\(p.number)" class="stack" id="interview-form">
            <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="started" value="\(values["started"] ?? "")">
            \(f.select("verdict", "核实结论", verdicts))
            \(sections)
            <fieldset><legend>认可度</legend>\(approvals)</fieldset>
            \(f.input("date", "访问日期", type: "date", value: today.description))
            \(f.text("note", "说明（错退、漏评请写明依据）"))
            <button type="submit">保存调查</button></form>
            <p><a href="/evaluations/\(e.id!.rawValue)#s\(p.number)">返回样本</a></p>
            """
        return Layout.page(title: "入户调查 \(p.number)", crumbs: [.init("评估", "/evaluations"), .init(e.title, "/evaluations/\(e.id!.rawValue)"), .init("调查 \(p.number)")],
                           chrome: chrome, body: body)
    }
}
