import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

/// The households behind a count of the exit test: one page of them with what each misses, the way to
/// the others, and the whole list as CSV.
enum VerdictListView {
    struct Model: Sendable {
        var area: Area
        var lineage: [Area]
        var year: Int
        var households: ExitService.Households
        var filter: VerdictFilter
        var page: Page<VerdictRow>
        var names: [AreaCode: String]
        var canExport: Bool
    }

    static func describe(_ h: ExitService.Households, year: Int) -> String {
        switch h {
        case .all: "全部建档立卡户"
        case .notExited: "未脱贫户"
        case .exited: "已脱贫户"
        case .pendingThatYear: "\(year)年末尚未脱贫的户"
        }
    }

    static func render(_ m: Model, chrome: Layout.Chrome?) -> HTML {
        let rows = m.page.items.map { r -> HTML in
            """
            <tr><td><a href="/households/\(r.id)">\(r.number)</a></td><td>\(r.head)</td><td>\(m.names[r.villageCode] ?? r.villageCode.value)</td>\
            <td class="num">\(r.members)</td><td>\(r.exitYear.map { "\($0)年脱贫" } ?? "未脱贫")</td><td>\(r.missingText.isEmpty ? "—" : r.missingText)</td></tr>
            """
        }
        func link(page: Int, csv: Bool = false) -> String {
            "/areas/\(m.area.code.value)/verdicts\(csv ? ".csv" : "")" + HTML.query([
                ("year", String(m.year)), ("households", m.households.rawValue), ("outcome", m.filter.outcome?.rawValue),
                ("item", m.filter.item?.rawValue), ("income", m.filter.income?.rawValue), ("only", m.filter.only ? "1" : nil),
                ("page", csv ? nil : String(page))])
        }
        var pager: [HTML] = []
        if m.page.page > 1 { pager.append("<a href=\"\(link(page: m.page.page - 1))\">上一页</a>") }
        pager.append("<span>第 \(m.page.page) 页 / 共 \(m.page.pageCount) 页</span>")
        if m.page.page < m.page.pageCount { pager.append("<a href=\"\(link(page: m.page.page + 1))\">下一页</a>") }
        let export: HTML = m.canExport ? "<a class=\"noprint\" href=\"\(link(page: 1, csv: true))\">导出 CSV（将记入痕迹）</a>" : .empty
        let table: HTML = m.page.items.isEmpty ? "<p>没有这样的户。</p>" : """
            <table class="households"><thead><tr><th scope="col">户编号</th><th scope="col">户主</th><th scope="col">村</th><th scope="col" class="num">人口</th>\
            <th scope="col">脱贫状态</th><th scope="col">未达标项</th></tr></thead><tbody>\(rows)</tbody></table>
            <div class="pager">\(pager)</div>
            """
        let body: HTML = """
            <p>\(describe(m.households, year: m.year))中，按\(m.year)年扶贫标准核验为“\(m.filter.label)”的共 <b>\(HTML.count(m.page.total))</b> 户。 \(export)</p>
            \(table)
            <p><a href="/areas/\(m.area.code.value)/exit?year=\(m.year)">返回脱贫标准核验</a></p>
            """
        let crumbs = [Layout.Crumb("首页", "/areas")] + m.lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") }
            + [Layout.Crumb("脱贫标准核验", "/areas/\(m.area.code.value)/exit?year=\(m.year)"), Layout.Crumb(m.filter.label)]
        return Layout.page(title: "\(m.area.name) \(m.year)年 \(m.filter.label)的户", crumbs: crumbs, chrome: chrome, print: Layout.Print(), body: body)
    }

    /// The whole list as CSV (UTF-8 with BOM), every cell guarded against formulas.
    static func csv(_ rows: [VerdictRow], names: [AreaCode: String]) -> String {
        let header = ["户编号", "户主", "村代码", "村", "人口", "脱贫年度", "未达标项"]
        let lines = rows.map { r in
            [r.number, r.head, r.villageCode.value, names[r.villageCode] ?? "", String(r.members), r.exitYear.map(String.init) ?? "", r.missingText]
        }
        return CSVFormat.table([header] + lines, byteOrderMark: true)
    }
}
