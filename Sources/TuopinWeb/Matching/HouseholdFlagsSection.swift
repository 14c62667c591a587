import TuopinDomain
import TuopinServices

/// 本户疑点 on the household page: its open department flags and paper-exit patterns (with their verification,
/// on the 信息比对 page) and its data-quality findings, each with its explanation.
enum HouseholdFlagsSection {
    static func render(_ f: MatchService.HouseholdFlags?, county: AreaCode?) -> HTML {
        guard let f else { return .empty }
        guard !f.isEmpty else {
            return "<h2 id=\"household-flags\">比对与数据质量</h2><p class=\"muted\">没有待核实的比对疑点或数据质量问题。</p>"
        }
        func state(_ key: String) -> HTML {
            f.decisions[key].map { d -> HTML in "\(d.outcome)（\(d.reason)）" }
                ?? f.assignments[key].map { a -> HTML in "<span class=\"warn\">待核实</span>（已交办：\(a.assignee)）" }
                ?? "<span class=\"warn\">待核实</span>"
        }
        var rows: [HTML] = f.department.map { x in "<tr><td>信息比对</td><td>\(x.rule.rawValue)</td><td>\(x.explanation)</td><td>\(state(x.key))</td></tr>" }
        rows += f.patterns.map { x in "<tr><td>数字脱贫</td><td>\(x.pattern.rawValue)</td><td>\(x.explanation)</td><td>\(state(x.key))</td></tr>" }
        rows += f.quality.map { x in "<tr><td>数据质量</td><td>\(x.rule.rawValue)</td><td>\(x.explanation)</td><td><span class=\"warn\">待更正</span></td></tr>" }
        let link: HTML = county.map { c -> HTML in "<a class=\"noprint\" href=\"/match?year=\(f.year)&area=\(c.value)\">到信息比对页核实</a>" } ?? .empty
        return """
            <h2 id="household-flags">比对与数据质量（\(rows.count)）</h2>
            <div class="scroll"><table><thead><tr><th scope="col">来源</th><th scope="col">规则</th><th scope="col">说明</th><th scope="col">核实</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></div><p>\(link)</p>
            """
    }
}
