import TuopinDomain
import TuopinServices

/// 我的帮扶 — a cadre's own page, made for a phone in the village: their households (each a link to its page),
/// what the duty rules still ask of them this month, a form to log a visit or a day's work once, and what
/// they logged. Nothing is counted but the work logged: no check-in, no time online.
public enum MyWorkView {
    public struct Model: Sendable {
        public var mine: ResponsibilityService.Mine
        public var form: [String: String]
        public var faults: [String: String]
        public var notice: String?
        public var today: LocalDate
        public var csrf: String
        /// 交办给我的比对疑点: rule, household, the day it was handed over.
        public var flags: [(rule: String, household: Household.ID, date: LocalDate)] = []
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let c = m.mine.cadre
        let households = m.mine.pairings.map { p, h -> HTML in
            let visits = m.mine.logs.filter { $0.household == h.id }.count
            return "<li><a href=\"/households/\(h.id.rawValue)\">\(h.head)户</a>（\(h.number)，\(m.mine.areaNames[h.village] ?? h.village.value)）\(h.exited ? "已脱贫" : "未脱贫")，本期走访 \(visits) 次</li>"
        }.joined()
        let duties = m.mine.findings.map { f -> HTML in
            let owed = max(0, f.required - f.actual - (f.rule.measure == .daysInArea ? f.leaveDays : 0))
            return "<li>\(f.layer)：\(f.rule.text)　\(f.met ? "已达到（\(f.note)）" as HTML : "<span class=\"bad\">还差 \(owed) \(f.rule.measure.unit)</span>（\(f.note)）" as HTML)</li>"
        }.joined()
        func fault(_ key: String) -> HTML { m.faults[key].map { f -> HTML in "<span class=\"bad\" id=\"\(key)-fault\">\(f)</span>" } ?? .empty }
        func invalid(_ key: String) -> HTML { m.faults[key] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(key)-fault\"" }
        func area(_ key: String, _ label: String) -> HTML {
            "<label>\(label)<textarea name=\"\(key)\" rows=\"2\"\(invalid(key))>\(m.form[key] ?? "")</textarea>\(fault(key))</label>"
        }
        let kind = m.form["kind"] ?? WorkLog.Kind.visit.rawValue
        let kinds = WorkLog.Kind.allCases.map { k -> HTML in "<option value=\"\(k.rawValue)\"\(k.rawValue == kind ? " selected" : "")>\(k.rawValue)</option>" }.joined()
        let householdOptions = m.mine.pairings.map { _, h -> HTML in
            "<option value=\"\(h.id.rawValue)\"\(m.form["household"] == String(h.id.rawValue) ? " selected" : "")>\(h.head)户 \(h.number)</option>"
        }.joined()
        let villages = Array(Set(m.mine.pairings.map(\.household.village) + m.mine.assignments.map(\.area).filter { $0.level == .village })).sorted()
        let villageOptions = villages.map { v -> HTML in
            "<option value=\"\(v.value)\"\(m.form["village"] == v.value ? " selected" : "")>\(m.mine.areaNames[v] ?? v.value)</option>"
        }.joined()
        let logs = m.mine.logs.prefix(50).map { l -> HTML in
            let h = l.household.flatMap { id in m.mine.pairings.first { $0.household.id == id }?.household }
            let forward: HTML = l.problems.isEmpty || l.id == nil ? .empty : """
                <form method="post" action="/my/logs/\(l.id!.rawValue)/forward" class="inline noprint"><input type="hidden" name="_csrf" value="\(m.csrf)">\
                <button type="submit">转为问题，交县扶贫办督办</button></form>
                """
            return "<li>\(l.date.description) \(l.kind.rawValue)\(h.map { " · \($0.head)户" } ?? "")\(l.stayedNight ? " · 住村" : "")：\(l.content)\(l.problems.isEmpty ? "" : "；问题：\(l.problems)")\(forward)</li>"
        }.joined()
        let notice = m.notice.map { n -> HTML in "<p class=\"ok\" role=\"status\">\(n)</p>" }
        let body: HTML = """
            \(notice.orEmpty)
            <p>\(c.name)（\(c.unit) \(c.post)）\(m.mine.assignments.map { "\($0.layer)·\(m.mine.areaNames[$0.area] ?? $0.area.value)" }.joined(separator: "、"))</p>
            <h2>记录工作</h2>
            <form method="post" action="/my/logs" class="stack">
            <input type="hidden" name="_csrf" value="\(m.csrf)">
            <label>日期<input type="date" name="date" value="\(m.form["date"] ?? m.today.description)" max="\(m.today.description)"\(invalid("date"))>\(fault("date"))</label>
            <label>类别<select name="kind"\(invalid("kind"))>\(kinds)</select>\(fault("kind"))</label>
            <label>走访的户（入户走访）<select name="household"\(invalid("household"))><option value="">—</option>\(householdOptions)</select>\(fault("household"))</label>
            <label>所在的村（在村工作、会议、请假）<select name="village"\(invalid("village"))><option value="">—</option>\(villageOptions)</select>\(fault("village"))</label>
            <label><input type="checkbox" name="stayed_night" value="1"\(m.form["stayed_night"] == "1" ? " checked" : "")> 当晚住村</label>
            \(area("content", "工作内容"))\(area("householdSaid", "群众反映"))\(area("problems", "发现问题"))\(area("measures", "商定措施"))
            <label>批准单位（请假）<input name="approvedBy" value="\(m.form["approvedBy"] ?? "")"\(invalid("approvedBy"))>\(fault("approvedBy"))</label>
            <button type="submit">保存</button>
            </form>
            \(flagList(m))
            <h2>\(m.mine.period.description)职责</h2>
            \(m.mine.findings.isEmpty ? "<p class=\"muted\">本期没有需要核对的职责规则。</p>" as HTML : "<ul>\(duties)</ul>" as HTML)
            <h2>结对帮扶的户（\(m.mine.pairings.count) 户）</h2>
            \(m.mine.pairings.isEmpty ? "<p class=\"muted\">还没有结对的户。</p>" as HTML : "<ul>\(households)</ul>" as HTML)
            <h2>本期日志（\(m.mine.logs.count) 条）</h2>
            \(m.mine.logs.isEmpty ? "<p class=\"muted\">本期还没有日志。</p>" as HTML : "<ul>\(logs)</ul>" as HTML)
            """
        return Layout.page(title: "我的帮扶", crumbs: [.init("首页", "/areas"), .init("我的帮扶")], chrome: chrome, body: body)
    }

    /// 交办给我的比对疑点 — each links to the household page, where its explanation is.
    static func flagList(_ m: Model) -> HTML {
        guard !m.flags.isEmpty else { return .empty }
        let names = Dictionary(m.mine.pairings.map { ($0.household.id, $0.household.head) }, uniquingKeysWith: { a, _ in a })
        let items = m.flags.map { f -> HTML in
            "<li><a href=\"/households/\(f.household.rawValue)#household-flags\">\(names[f.household].map { "\($0)户" } ?? "户 \(f.household.rawValue)")</a>：\(f.rule)（\(f.date) 交办，请入户核实）</li>"
        }.joined()
        return "<h2 id=\"my-flags\">交办给我的比对疑点（\(m.flags.count)）</h2><ul>\(items)</ul>"
    }
}
