import TuopinDomain

/// 帮扶责任人与走访记录 on the household page: who helps the household now and before (a change of helper
/// keeps the old one with the dates and the reason), and the visits logged, newest first, with what was found
/// and agreed — entered once by the cadre, shown here without retyping.
enum HouseholdHelpSection {
    struct Draft: Sendable {
        var form: [String: String]
        var faults: [String: String]
    }

    /// With `pairForm` (the county office), a form to pair the household with a cadre, or change its helper.
    static func render(pairings: [(Pairing, Cadre)], visits: [(WorkLog, Cadre)], showPhones: Bool,
                       pairForm: (household: Household.ID, csrf: String, today: LocalDate, draft: Draft?)? = nil) -> HTML {
        let form: HTML = pairForm.map { f -> HTML in
            let values = f.draft?.form ?? [:], faults = f.draft?.faults ?? [:]
            func fault(_ key: String) -> HTML { faults[key].map { x -> HTML in "<span class=\"bad\" id=\"pair-\(key)-fault\">\(x)</span>" } ?? .empty }
            func invalid(_ key: String) -> HTML { faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"pair-\(key)-fault\"" }
            return """
                <form method="post" action="/households/\(f.household.rawValue)/helper" class="filters noprint">
                <input type="hidden" name="_csrf" value="\(f.csrf)">
                <label>帮扶责任人电话<input name="phone" value="\(values["phone"] ?? "")" inputmode="numeric" size="12"\(invalid("phone"))>\(fault("phone"))</label>
                <label>开始日期<input type="date" name="start" value="\(values["start"] ?? f.today.description)"\(invalid("start"))>\(fault("start"))</label>
                <label>原因<input name="reason" value="\(values["reason"] ?? "")" placeholder="如：干部调动"\(invalid("reason"))>\(fault("reason"))</label>
                <button type="submit">结对 / 更换帮扶责任人</button>
                </form>
                """
        } ?? .empty
        guard !pairings.isEmpty || !visits.isEmpty else {
            return "<h2>帮扶责任人</h2><p class=\"muted\">尚未结对帮扶。</p>" + form
        }
        let helpers = pairings.map { p, c -> HTML in
            let phone = showPhones ? c.phone : IDMask.phone(c.phone)
            return "<tr><td>\(c.name)</td><td>\(c.unit) \(c.post)</td><td>\(phone)</td><td>\(p.start.description)</td><td>\(p.end?.description ?? "至今")</td><td>\(p.reason)</td></tr>"
        }.joined(separator: "\n")
        let lines = visits.prefix(24).map { l, c -> HTML in
            "<tr><td>\(l.date.description)</td><td>\(c.name)</td><td>\(l.content)</td><td>\(l.householdSaid)</td><td>\(l.problems)</td><td>\(l.measures)</td></tr>"
        }.joined(separator: "\n")
        return """
            <h2>帮扶责任人</h2>
            <table><thead><tr><th scope="col">姓名</th><th scope="col">单位、职务</th><th scope="col">电话</th><th scope="col">开始</th><th scope="col">结束</th><th scope="col">原因</th></tr></thead><tbody>\(helpers)</tbody></table>
            \(form)
            <h2>走访记录（\(visits.count) 次）</h2>
            \(visits.isEmpty ? "<p class=\"muted\">还没有走访记录。</p>" as HTML : "<table><thead><tr><th scope=\"col\">日期</th><th scope=\"col\">走访人</th><th scope=\"col\">工作内容</th><th scope=\"col\">群众反映</th><th scope=\"col\">发现问题</th><th scope=\"col\">商定措施</th></tr></thead><tbody>\(lines)</tbody></table>" as HTML)
            """
    }
}
