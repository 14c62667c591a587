import TuopinDomain
import TuopinServices

/// 公告公示 — every notice the records call for, the overdue and those taken down early first.
enum NoticeListView {
    static func render(_ notices: [PublicNotice], names: [AreaCode: String], today: LocalDate, chrome: Layout.Chrome?) -> HTML {
        let rows = notices.map { n -> HTML in
            let state = n.state(on: today)
            let mark: HTML = state == .overdue || state == .early ? "<span class=\"bad\">\(state.rawValue)</span>" : "\(state.rawValue)"
            return """
                <tr><td><a href="/notices/\(n.kind.key)/\(n.subject)">\(n.title)</a></td><td>\(n.kind.rawValue)</td><td>\(names[n.area] ?? n.area.value)</td>\
                <td>\(n.due.description)</td><td>\(n.posted?.description ?? "—")</td><td>\(n.removed?.description ?? "—")</td><td>\(mark)</td></tr>
                """
        }.joined(separator: "\n")
        let overdue = notices.filter { $0.state(on: today) == .overdue }.count
        let body: HTML = """
            <p>应张贴 \(notices.count) 份，逾期未张贴 <strong class="\(overdue > 0 ? "bad" : "")">\(overdue)</strong> 份。资金分配结果在下达后15个工作日内公告；项目入库前公示、竣工后公告，张贴不少于\(PublicNotice.minimumDays)天。</p>
            \(notices.isEmpty ? "<p class=\"muted\">还没有需要张贴的公告公示。</p>" as HTML : """
            <div class="scroll"><table id="notices"><thead><tr><th scope="col">公告</th><th scope="col">类别</th><th scope="col">张贴地</th><th scope="col">应张贴日期</th><th scope="col">张贴</th><th scope="col">撤下</th><th scope="col">状态</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)
            """
        return Layout.page(title: "公告公示", crumbs: [.init("首页", "/areas"), .init("资金项目", "/funds"), .init("公告公示")], chrome: chrome,
                           print: .init(landscape: true), body: body)
    }
}
