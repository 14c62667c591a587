import TuopinDomain

/// 防返贫监测 on the household page: the rules' finding for the year shown, the hardships recorded,
/// and the form to record one.
enum HouseholdMonitoringSection {
    /// The form as sent, and what is wrong with it (each fault in Chinese and English).
    struct Draft: Sendable {
        var kind: String
        var occurredOn: String
        var cost: String
        var note: String
        var faults: [String]
    }

    static func render(householdID: Household.ID, year: Int?, finding: MonitoringCheck.Finding?, hardships: [Hardship], canRecord: Bool,
                       csrf: String?, today: LocalDate, draft: Draft? = nil) -> HTML {
        var html: HTML = "<h2 id=\"monitoring\">防返贫监测</h2>"
        if let year {
            if let f = finding {
                if let c = f.category {
                    html += "<p>\(year)年研判：<span class=\"bad\">\(c.rawValue)</span></p><ul>"
                        + f.signals.map { s -> HTML in "<li><b>\(s.rule.rawValue)</b>：\(s.text)</li>" }.joined() + "</ul>"
                } else {
                    html += "<p>\(year)年研判：<span class=\"ok\">未触发监测规则</span>\(f.incomeUnknown ? "（当年收入未录入，收入规则未能研判）" : "")</p>"
                }
            } else {
                html += "<p class=\"muted\">\(year)年末尚未脱贫：按贫困户帮扶，不作返贫监测研判。</p>"
            }
        }
        if !hardships.isEmpty {
            let rows = hardships.reversed().map { h -> HTML in
                "<tr><td>\(h.occurredOn)</td><td>\(h.kind.rawValue)</td><td class=\"num\">\(h.cost.groupedYuan)</td><td>\(h.note)</td></tr>"
            }
            html += "<table><thead><tr><th scope=\"col\">发生日期</th><th scope=\"col\">风险类型</th><th scope=\"col\" class=\"num\">支出或损失（元）</th><th scope=\"col\">说明</th></tr></thead><tbody>\(rows)</tbody></table>"
        }
        guard canRecord, let csrf else { return html }
        let kinds = Hardship.Kind.allCases.map { kind -> HTML in
            "<option\(draft?.kind == kind.rawValue ? " selected" : "")>\(kind.rawValue)</option>"
        }
        let faults = draft.map { d -> HTML in
            "<p class=\"bad\" role=\"alert\">突发困难未登记 / the hardship was not recorded：</p><ul class=\"bad\">"
                + d.faults.map { f -> HTML in "<li>\(f)</li>" }.joined() + "</ul>"
        }
        return html + """
            <form method="post" action="/households/\(householdID)/hardships" class="noprint" id="hardship-form">
            \(faults.orEmpty)
            <input type="hidden" name="_csrf" value="\(csrf)">
            <p>登记突发困难：<select name="kind">\(kinds)</select>
            <label>发生日期 <input name="occurred_on" value="\(draft?.occurredOn ?? today.description)" size="10"></label>
            <label>支出或损失（元） <input name="cost" inputmode="decimal" size="8" value="\(draft?.cost ?? "")"></label>
            <label>说明 <input name="note" size="30" value="\(draft?.note ?? "")"></label>
            <button type="submit">登记</button></p>
            </form>
            """
    }
}
