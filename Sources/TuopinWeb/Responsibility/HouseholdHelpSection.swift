import TuopinDomain

/// 帮扶责任人与走访记录 on the household page: who helps the household now and before (a change of helper
/// keeps the old one with the dates and the reason), and the visits logged, newest first, with what was found
/// and agreed — entered once by the cadre, shown here without retyping.
enum HouseholdHelpSection {
    static func render(pairings: [(Pairing, Cadre)], visits: [(WorkLog, Cadre)], showPhones: Bool) -> HTML {
        guard !pairings.isEmpty || !visits.isEmpty else {
            return "<h2>帮扶责任人</h2><p class=\"muted\">尚未结对帮扶。</p>"
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
            <h2>走访记录（\(visits.count) 次）</h2>
            \(visits.isEmpty ? "<p class=\"muted\">还没有走访记录。</p>" as HTML : "<table><thead><tr><th scope=\"col\">日期</th><th scope=\"col\">走访人</th><th scope=\"col\">工作内容</th><th scope=\"col\">群众反映</th><th scope=\"col\">发现问题</th><th scope=\"col\">商定措施</th></tr></thead><tbody>\(lines)</tbody></table>" as HTML)
            """
    }
}
