import TuopinDomain

/// The exit test of an area's households for a year: meeting / not meeting, each missing item counted (an
/// income below the line and an income not recorded apart), and how many are held back by one item alone —
/// every count a link to the households it counts.
enum ExitCheckView {
    /// A column of the table: its heading and the filter its counts stand for.
    struct Column {
        var heading: String
        var filter: VerdictFilter
        var count: (ExitTally) -> Int
    }

    static func columns(_ items: [ChecklistItem]) -> [Column] {
        [Column(heading: "达标", filter: VerdictFilter(outcome: .meets), count: { $0.meeting }),
         Column(heading: "未达标", filter: VerdictFilter(outcome: .fails), count: { $0.notMeeting })]
            + items.flatMap { item -> [Column] in
                guard item == .income else { return [Column(heading: "缺\(item.shortLabel)", filter: VerdictFilter(item: item), count: { $0.missing[item] ?? 0 })] }
                return [Column(heading: "收入低于标准", filter: VerdictFilter(item: .income, income: .belowLine), count: { $0.incomeBelowLine }),
                        Column(heading: "收入未录入", filter: VerdictFilter(item: .income, income: .unrecorded), count: { $0.incomeUnrecorded })]
            }
    }

    /// The list of the households a count stands for.
    static func link(_ area: AreaCode, year: Int, _ filter: VerdictFilter, households: String = "all") -> String {
        "/areas/\(area.value)/verdicts" + HTML.query([("year", String(year)), ("households", households), ("outcome", filter.outcome?.rawValue),
                                                      ("item", filter.item?.rawValue), ("income", filter.income?.rawValue),
                                                      ("only", filter.only ? "1" : nil)])
    }

    static func render(area: Area?, lineage: [Area], year: Int, total: ExitTally, byChild: [AreaCode: ExitTally],
                       names: [AreaCode: String], chrome: Layout.Chrome?) -> HTML {
        let columns = columns(total.shownItems)
        func cells(_ t: ExitTally, _ code: AreaCode) -> HTML {
            HTML.countCell(t.households, href: link(code, year: year, VerdictFilter()))
                + columns.map { c -> HTML in
                    let n = c.count(t)
                    return HTML.countCell(n, href: link(code, year: year, c.filter))
                }.joined()
        }
        let rows = byChild.keys.sorted().map { c -> HTML in
            "<tr><td><a href=\"/areas/\(c.value)/exit?year=\(year)\">\(names[c] ?? c.prefix)</a></td>\(cells(byChild[c]!, c))</tr>"
        }
        let code = area?.code ?? lineage.last?.code ?? AreaCode("110000")!
        var only: [HTML] = []
        for item in total.shownItems {
            if item == .income {
                if total.onlyIncomeBelowLine > 0 {
                    only.append("<a href=\"\(link(code, year: year, VerdictFilter(item: .income, income: .belowLine, only: true)))\">收入低于标准 \(HTML.count(total.onlyIncomeBelowLine)) 户</a>")
                }
                if total.onlyIncomeUnrecorded > 0 {
                    only.append("<a href=\"\(link(code, year: year, VerdictFilter(item: .income, income: .unrecorded, only: true)))\">收入未录入 \(HTML.count(total.onlyIncomeUnrecorded)) 户</a>")
                }
            } else if let n = total.onlyMissing[item] {
                only.append("<a href=\"\(link(code, year: year, VerdictFilter(item: item, only: true)))\">\(item.label) \(HTML.count(n)) 户</a>")
            }
        }
        let heads = columns.map { c -> HTML in "<th scope=\"col\" class=\"num\">\(c.heading)</th>" }
        let body: HTML = """
            <p>按 \(year) 年扶贫标准逐户核验，年龄按 \(year)-12-31 计算；每个数字可点开查看对应的户。<a href="/standards">查看扶贫标准</a></p>
            <table><thead><tr><th scope="col">区划</th><th scope="col" class="num">户数</th>\(heads)</tr></thead>
            <tbody>\(rows)<tr><th scope="row">合计</th>\(cells(total, code))</tr></tbody></table>
            <p>仅差一项：\(only.isEmpty ? "无" : only.joined(separator: "；"))</p>
            """
        let crumbs = [Layout.Crumb("首页", "/areas")] + lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb("脱贫标准核验")]
        return Layout.page(title: "\(area?.name ?? "") \(year)年脱贫标准核验", crumbs: crumbs, chrome: chrome,
                           print: Layout.Print(landscape: true), body: body)
    }
}
