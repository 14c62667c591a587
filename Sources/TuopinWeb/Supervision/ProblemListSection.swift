import TuopinDomain

/// A short list of problems inside another page (a household's, a cadre's): number, source, check item,
/// the problem, unit, deadline and state, the overdue marked.
enum ProblemListSection {
    static func render(_ problems: [Problem], today: LocalDate, id: String, title: String, empty: String, more: HTML = .empty) -> HTML {
        guard !problems.isEmpty else { return "<section id=\"\(id)\"><h2>\(title)</h2><p class=\"muted\">\(empty)</p>\(more)</section>" }
        let rows = problems.map { p -> HTML in
            let state: HTML = p.isOverdue(on: today) ? "<span class=\"bad\">\(p.state.rawValue)（逾期 \(p.daysOverdue(on: today)) 天）</span>" : .text(p.state.rawValue)
            return """
                <tr><td><a href="/problems/\(p.id!.rawValue)">\(p.id!.rawValue)</a></td><td>\(p.source.rawValue)</td><td>\(p.category)</td><td>\(p.description)</td>\
                <td>\(p.unit.isEmpty ? "待认领" : p.unit)</td><td>\(p.deadline.description)</td><td>\(state)</td></tr>
                """
        }.joined(separator: "\n")
        return """
            <section id="\(id)"><h2>\(title)</h2><div class="scroll"><table><thead><tr><th scope="col">编号</th><th scope="col">来源</th><th scope="col">检查项目</th>\
            <th scope="col">问题</th><th scope="col">责任单位</th><th scope="col">整改期限</th><th scope="col">状态</th></tr></thead><tbody>\(rows)</tbody></table></div>\(more)</section>
            """
    }
}
