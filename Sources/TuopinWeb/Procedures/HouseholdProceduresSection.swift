import TuopinDomain
import TuopinStore

/// 程序办理 on the household page: each procedure with its steps, postings and objections, the forms
/// for the steps the viewer's role may take, and the household's status history.
enum HouseholdProceduresSection {
    struct Model {
        var householdID: Household.ID
        var procedures: [ProcedureStore.Stored]
        var history: [ProcedureStore.StatusEvent]
        var startable: [ProcedureKind]
        var role: Role
        var csrf: String?
        var today: LocalDate
    }

    static func render(_ m: Model) -> HTML {
        var html: HTML = "<h2 id=\"procedures\">程序办理与状态历史</h2>"
        if !m.history.isEmpty {
            html += "<p>状态历史：" + m.history.map { e -> HTML in "\(e.effectiveOn) \(e.status)（\(e.actor)）" }.joined(separator: " → ") + "</p>"
        }
        for s in m.procedures.reversed() { html += procedure(s, m) }
        if m.procedures.isEmpty { html += "<p class=\"muted\">尚未办理程序。</p>" }
        if let csrf = m.csrf, m.role.allows(.runProcedures), !m.startable.isEmpty {
            let options = m.startable.map { k -> HTML in "<option>\(k.rawValue)</option>" }
            html += """
                <form method="post" action="/households/\(m.householdID)/procedures" class="noprint">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <p>启动程序：<select name="kind">\(options)</select> <button type="submit">启动</button></p></form>
                """
        }
        return html
    }

    static func procedure(_ s: ProcedureStore.Stored, _ m: Model) -> HTML {
        let p = s.procedure
        let state: HTML = p.isFinished ? "<span class=\"ok\">已完成</span>" : "进行中"
        let steps = p.kind.steps.enumerated().map { i, step -> HTML in
            guard i < p.done.count else { return "<li class=\"muted\">\(step.rawValue)（\(step.level.label)）</li>" }
            let d = p.done[i]
            return "<li>\(step.rawValue)：\(d.on) \(d.actor)\(d.note.map { "，\($0)" } ?? "")</li>"
        }
        var html: HTML = "<h3>\(p.kind.rawValue)（\(state)）</h3><ol>\(steps)</ol>"
        if let posting = p.runningPosting, let ends = p.postingEndsOn {
            html += "<p>\(posting.step.rawValue)自 \(posting.on) 起，\(ends) 起方可办理下一步。</p>"
        }
        for (i, o) in p.objections.enumerated() {
            html += "<p>异议\(i + 1)（\(o.raisedOn)）：\(o.text)"
            if let r = o.resolution, let on = o.resolvedOn {
                html += " — 已处理（\(on)）：\(r)</p>"
            } else if let csrf = m.csrf, m.role.allows(.runProcedures) {
                html += """
                     <form method="post" action="/procedures/\(s.id)/objections/\(i)/resolve" class="inline noprint">
                    <input type="hidden" name="_csrf" value="\(csrf)">
                    <input name="resolution" placeholder="处理结果" size="20"> <input name="date" value="\(m.today)" size="10">
                    <button type="submit">处理</button></form></p>
                    """
            } else {
                html += " — <span class=\"bad\">未处理</span></p>"
            }
        }
        guard let csrf = m.csrf, let next = p.nextStep else { return html }
        let hidden: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">"
        if m.role.mayTake(next) {
            html += """
                <form method="post" action="/procedures/\(s.id)/steps" class="noprint">\(hidden)
                <input type="hidden" name="step" value="\(next.rawValue)">
                <p>办理“\(next.rawValue)”：<label>日期 <input name="date" value="\(m.today)" size="10"></label>
                <label>说明 <input name="note" size="30"></label> <button type="submit">办理</button></p></form>
                """
        } else {
            html += "<p class=\"muted\">下一步“\(next.rawValue)”由\(next.level.label)办理。</p>"
        }
        if p.runningPosting != nil && m.role.allows(.runProcedures) {
            html += """
                <form method="post" action="/procedures/\(s.id)/objections" class="noprint">\(hidden)
                <p>登记公示异议：<input name="text" size="30"> <input name="date" value="\(m.today)" size="10"> <button type="submit">登记</button></p></form>
                """
        }
        return html
    }
}
