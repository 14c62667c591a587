import TuopinDomain
import TuopinServices
import TuopinStore

/// 评估 — one evaluation: its design, progress by village, the rates with their intervals as bars against the
/// threshold, and the sample (a link to each household, and for the team the interview form).
enum EvaluationView {
    /// A refused appeal or decision: the sample's number, what was typed and the fault, shown at its form.
    struct Draft {
        var number: Int, text: String, fault: String
        /// The field at fault ("files" for the evidence; otherwise the text).
        var field: String? = nil
    }

    static func render(_ d: EvaluationService.Detail, csrf: String, draft: Draft? = nil, uploads: AttachmentRules = AttachmentRules(),
                       chrome: Layout.Chrome?) -> HTML {
        let message: String? = draft.map { "样本 \($0.number)：\($0.fault)" }
        let e = d.evaluation
        let id = e.id!.rawValue
        let done = d.interviews.count
        let rates: HTML
        if let r = d.rates {
            let items = r.all.map { rate -> HTML in
                let met: HTML = rate.met.map { $0 ? "<span class=\"ok\">达标</span>" as HTML : "<span class=\"bad\">不达标</span>" as HTML } ?? "<span class=\"muted\">无数据</span>"
                return "<li>\(rate.sentence) \(met)\(bar(rate))</li>"
            }.joined()
            rates = "<ul class=\"rates\" id=\"rates\">\(items)</ul>"
        } else {
            rates = "<p class=\"muted\" id=\"rates\">评估组发布反馈前，调查结果不向县乡村干部公开。</p>"
        }
        let byVillage = Dictionary(grouping: d.sample, by: \.pick.village)
        let progress = byVillage.keys.sorted().map { v -> HTML in
            let all = byVillage[v]!
            let n = all.filter { d.interviews[$0.pick.number] != nil }.count
            return "<tr><td>\(d.areaNames[v] ?? v.value)</td><td>\(all[0].pick.villageIsPoor ? "贫困村" : "非贫困村")</td><td class=\"num\">\(all.count)</td><td class=\"num\">\(d.answersHidden ? "—" : String(n))</td></tr>"
        }.joined(separator: "\n")
        let rows = d.sample.map { s -> HTML in
            let p = s.pick
            let ref = s.household.flatMap { d.households[$0] }
            let who: HTML = ref.map { r -> HTML in "<a href=\"/households/\(r.id.rawValue)\">\(r.number) \(r.head)</a>" } ?? .text(p.key)
            let verdict: HTML = d.interviews[p.number].map { i -> HTML in
                .text(i.verdict.rawValue) + (i.minutes.map { m -> HTML in "<span class=\"muted\">（\(i.date) 用时\(m)分钟）</span>" } ?? .empty)
            } ?? (d.answersHidden ? "—" : "<span class=\"muted\">未调查</span>")
            var action: HTML = d.onTeam && e.state == .open ? "<a href=\"/evaluations/\(id)/interviews/\(p.number)\">调查</a>" : .empty
            let hidden: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">"
            let typed = draft?.number == p.number ? draft!.text : ""
            let invalid: HTML = draft?.number == p.number && draft?.field != "files" ? " aria-invalid=\"true\"" : .empty
            if let a = d.appeals[p.number] {
                action += "<span>已申诉：\(a.reason)（\(a.decision.map { "\($0.rawValue)\(a.note.isEmpty ? "" : "，\(a.note)")" } ?? "待处理")）</span>"
                if let files = d.appealFiles[p.number], !files.isEmpty { action += AttachmentViews.list(files) }
                if a.decision == nil && d.onTeam && e.state == .feedback {
                    action += """
                        <form method="post" action="/evaluations/\(id)/appeals/\(p.number)/decide" class="inline" id="decide-\(p.number)">\(hidden)\
                        <select name="decision" aria-label="处理结果"><option>维持</option><option>撤销</option></select>\
                        <input name="note" aria-label="说明" placeholder="说明" size="10" value="\(typed)"\(invalid)><button type="submit">处理</button></form>
                        """
                }
            } else if d.mayAppeal, let i = d.interviews[p.number], i.verdict.isFinding {
                action += """
                    <form method="post" action="/evaluations/\(id)/appeals/\(p.number)" class="stack" id="appeal-\(p.number)" enctype="multipart/form-data">\(hidden)\
                    <input name="reason" aria-label="申诉理由和证据" placeholder="申诉理由和证据（至少10字）" size="18" value="\(typed)"\(invalid)>\
                    \(AttachmentViews.input(uploads, label: "证明材料（可选）", fault: draft?.number == p.number && draft?.field == "files" ? draft!.fault : nil))<button type="submit">申诉</button></form>
                    """
            }
            return "<tr id=\"s\(p.number)\"><td class=\"num\">\(p.number)</td><td>\(d.areaNames[p.village] ?? p.village.value)</td><td>\(p.stratum.rawValue)</td><td>\(who)</td><td>\(verdict)</td><td>\(action)</td></tr>"
        }.joined(separator: "\n")
        let next: HTML = switch e.state {
        case .open: "发布反馈（结束入户调查，向县公开结果）"
        case .feedback: "结束评估（评估组不再能查看样本户；未撤销的错退、漏评转入问题清单）"
        case .closed: ""
        }
        let advance: HTML = d.mayAdvance ? """
            <form method="post" action="/evaluations/\(id)/advance" class="noprint" id="advance-form"><input type="hidden" name="_csrf" value="\(csrf)">\
            <button type="submit" data-confirm="确定\(next)？此操作不能撤回。">\(next)</button></form>
            """ : .empty
        let body: HTML = """
            \(message.map { m -> HTML in "<p class=\"bad\" role=\"alert\" id=\"evaluation-fault\">\(m)</p>" } ?? .empty)
            <dl class="facts"><dt>类型</dt><dd>\(e.kind.rawValue)</dd><dt>状态</dt><dd>\(e.state.rawValue)</dd>
            <dt>县</dt><dd>\(d.areaNames[e.county] ?? e.county.countyPart)</dd><dt>年度</dt><dd>\(String(e.year))</dd>
            <dt>评估组</dt><dd>\(e.team.joined(separator: "、"))</dd><dt>随机种子</dt><dd>\(String(e.seed))</dd>
            <dt>样本</dt><dd>\(byVillage.count) 个村，\(d.sample.count) 户</dd><dt>已调查</dt><dd>\(d.answersHidden ? "—" : "\(done) 户")</dd></dl>
            <h2>三率一度</h2>
            \(rates)
            <p class="muted">比率按官方公式计算（错退率、漏评率按人，认可度按户）；加权估计与95%区间按入样概率加权、以村为群、分贫困村与非贫困村两层计算（见 docs/EVALUATION.md）。卡外户须先导入户籍名单，未导入时漏评率无数据。</p>
            \(advance)
            <h2>各村进度</h2>
            <table><thead><tr><th scope="col">村</th><th scope="col">类型</th><th scope="col">样本户</th><th scope="col">已调查</th></tr></thead><tbody>\(progress)</tbody></table>
            <h2>样本</h2>
            <p class="noprint"><a href="/evaluations/\(id)/sample.csv">导出样本 CSV</a></p>
            <div class="scroll"><table id="sample"><thead><tr><th scope="col">样本编号</th><th scope="col">村</th><th scope="col">层</th><th scope="col">户</th><th scope="col">核实结论</th><th scope="col"></th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(title: e.title, crumbs: [.init("首页", "/areas"), .init("评估", "/evaluations"), .init(e.title)], chrome: chrome,
                           print: .init(landscape: false, signatures: ["评估组组长", "日期"]), body: body)
    }

    /// The interval as a bar on a 0–10% scale (0–100% for approval), the threshold marked.
    static func bar(_ r: EvaluationRates.Rate) -> HTML {
        guard let interval = r.estimate.interval, let w = r.estimate.weighted else { return .empty }
        let scale = r.mustStayBelow ? 0.10 : 1.0
        func pct(_ v: Double) -> String { String(format: "%.1f", min(100, max(0, v / scale * 100))) }
        return """
            <svg class="interval" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="\(r.name) 95% 区间">\
            <rect x="0" y="4" width="100" height="2" class="axis"/>\
            <rect x="\(pct(interval.lowerBound))" y="2" width="\(String(format: "%.1f", max(0.5, (min(scale, interval.upperBound) - interval.lowerBound) / scale * 100)))" height="6" class="range"/>\
            <rect x="\(pct(w))" y="0" width="0.8" height="10" class="point"/>\
            <rect x="\(pct(r.threshold))" y="0" width="0.6" height="10" class="limit"/></svg>
            """
    }
}
