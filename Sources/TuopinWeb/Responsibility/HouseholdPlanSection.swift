import TuopinDomain

/// 帮扶行动计划 on the household page, beside the exit verdict: for each item the household misses, the
/// measures that work on it (or a gap, marked); every measure with its date, expected effect and status; a form
/// to add one and buttons to move one on, for those who may.
enum HouseholdPlanSection {
    struct Draft: Sendable {
        var form: [String: String]
        var faults: [String: String]
    }

    static func render(householdID: Household.ID, missing: [ChecklistItem], year: Int?, measures: [PlanMeasure], mayPlan: Bool, csrf: String?,
                       today: LocalDate, draft: Draft?) -> HTML {
        let against = PlanCoverage.byMissingItem(missing, measures: measures).map { item, found -> HTML in
            let text: HTML = found.isEmpty ? "<span class=\"bad\">无对应措施</span>"
                : "\(found.map { "\($0.kind.rawValue)：\($0.content)（\($0.status.rawValue)）" }.joined(separator: "；"))"
            return "<li>\(item.label)：\(text)</li>"
        }.joined()
        let coverage: HTML = missing.isEmpty ? .empty : "<p>\(year.map { "\($0)年" } ?? "")未达标项与计划：</p><ul>\(against)</ul>"
        let rows = measures.map { m -> HTML in
            let change: HTML = mayPlan && m.status != .done && m.status != .cancelled ? """
                <form method="post" action="/households/\(householdID.rawValue)/plan/\(m.id!.rawValue)" class="inline noprint">\
                <input type="hidden" name="_csrf" value="\(csrf ?? "")">\
                <select name="status" aria-label="更新状态">\(PlanMeasure.Status.allCases.filter { $0 != m.status }.map { s -> HTML in "<option>\(s.rawValue)</option>" }.joined())</select>\
                <button type="submit">更新</button></form>
                """ : .empty
            return """
            <tr><td>\(m.kind.rawValue)</td><td>\(m.content)</td><td>\(m.plannedDate.description)</td><td class="num">\(m.expectedIncome?.plainYuan ?? "")</td>\
            <td>\(m.status.rawValue)\(m.doneDate.map { "（\($0.description)）" } ?? "")</td><td>\(change)</td></tr>
            """
        }.joined(separator: "\n")
        let table: HTML = measures.isEmpty ? "<p class=\"muted\">还没有帮扶措施。</p>"
            : "<table><thead><tr><th scope=\"col\">类别</th><th scope=\"col\">措施</th><th scope=\"col\">计划日期</th><th scope=\"col\">预期增收（元）</th><th scope=\"col\">状态</th><th scope=\"col\"></th></tr></thead><tbody>\(rows)</tbody></table>"
        let form: HTML = mayPlan ? add(householdID, csrf: csrf, today: today, draft: draft) : .empty
        return "<section id=\"plan\"><h2>帮扶行动计划</h2>\(coverage)\(table)\(form)</section>"
    }

    static func add(_ id: Household.ID, csrf: String?, today: LocalDate, draft: Draft?) -> HTML {
        let f = draft?.form ?? [:], faults = draft?.faults ?? [:]
        func fault(_ key: String) -> HTML { faults[key].map { x -> HTML in "<span class=\"bad\" id=\"plan-\(key)-fault\">\(x)</span>" } ?? .empty }
        func invalid(_ key: String) -> HTML { faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"plan-\(key)-fault\"" }
        let kinds = PlanMeasure.Kind.allCases.map { k -> HTML in "<option\(f["kind"] == k.rawValue ? " selected" : "")>\(k.rawValue)</option>" }.joined()
        return """
            <form method="post" action="/households/\(id.rawValue)/plan" class="filters noprint">
            <input type="hidden" name="_csrf" value="\(csrf ?? "")">
            <label>类别<select name="kind"\(invalid("kind"))>\(kinds)</select>\(fault("kind"))</label>
            <label>措施<input name="content" value="\(f["content"] ?? "")" size="30"\(invalid("content"))>\(fault("content"))</label>
            <label>计划日期<input type="date" name="planned_date" value="\(f["planned_date"] ?? today.description)"\(invalid("planned_date"))>\(fault("planned_date"))</label>
            <label>预期增收（元/年）<input name="expected_income" value="\(f["expected_income"] ?? "")" inputmode="decimal" size="8"\(invalid("expected_income"))>\(fault("expected_income"))</label>
            <button type="submit">添加措施</button>
            </form>
            """
    }
}
