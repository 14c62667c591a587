import Foundation
import TuopinExchange
import TuopinStore

/// 痕迹查询 — search the audit trail by user, area, entity, action and time; export as CSV.
public enum AuditSearchView {
    public struct Model: Sendable {
        public var query: [String: String]
        public var page: Page<AuditQuery.Record>
        /// ID numbers and phones in the records are masked (roles without 查看完整证件号码).
        public var masked: Bool
        public init(query: [String: String], page: Page<AuditQuery.Record>, masked: Bool) {
            self.query = query
            self.page = page
            self.masked = masked
        }
    }

    static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return f
    }()

    public static func time(_ d: Date) -> String { formatter.string(from: d) }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        func field(_ key: String, _ label: String, _ type: String = "text") -> HTML {
            "<label>\(label)<input type=\"\(type)\" name=\"\(key)\" value=\"\(m.query[key] ?? "")\"></label>"
        }
        let csv = "/audit.csv" + HTML.query(m.query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let form: HTML = """
            <form class="filters" method="get" action="/audit">
            \(field("actor", "用户（登录名）"))\(field("area", "区划代码"))\(field("entity", "对象类型"))\(field("entity_id", "对象编号"))
            \(field("action", "操作"))\(field("from", "起（日期）", "date"))\(field("to", "止（日期）", "date"))
            <button type="submit">查询</button>
            <a href="\(csv)">导出 CSV</a>
            </form>
            """
        let table: HTML = m.page.items.isEmpty ? "<p>没有符合条件的记录。 <span class=\"muted\">No records match.</span></p>" : """
            <p class="muted">共 \(HTML.count(m.page.total)) 条，第 \(m.page.page)/\(m.page.pageCount) 页（新记录在前）</p>
            \(table(m.page.items, masked: m.masked))
            """
        return Layout.page(title: "痕迹查询", crumbs: [.init("首页", "/areas"), .init("痕迹查询")], chrome: chrome, body: form + table)
    }

    /// The table of audit records, as the search page and each household's history show it.
    static func table(_ records: [AuditQuery.Record], masked: Bool) -> HTML {
        """
        <table><thead><tr><th scope="col" class="num">序号</th><th scope="col">时间</th><th scope="col">用户</th><th scope="col">角色</th><th scope="col">来源IP</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">区划</th><th scope="col">变化</th><th scope="col">原因</th></tr></thead>
        <tbody>\(records.map { row($0, masked: masked) }.joined(separator: "\n"))</tbody></table>
        """
    }

    static func row(_ r: AuditQuery.Record, masked: Bool) -> HTML {
        let shown: (String) -> String = { masked ? IDMask.maskText($0) : $0 }
        let changes = AuditLabels.changes(before: r.before, after: r.after).map { HTML.text(shown($0)) }.joined(separator: "<br>")
        let object: HTML = r.entity == "household" ? r.entityID.map { id -> HTML in "<a href=\"/households/\(id)\">户 \(id)</a>" } ?? "户"
            : "\(r.entity + (r.entityID.map { " \($0)" } ?? ""))"
        return """
            <tr><td class="num">\(r.seq)</td><td>\(time(r.at))</td><td>\(r.actor)</td><td>\(r.actorRole ?? "")</td>\
            <td>\(r.ip ?? "")</td><td>\(AuditLabels.action(r.action))</td><td>\(object)</td>\
            <td>\(r.areaCode ?? "")</td><td>\(changes)</td><td>\(shown(r.reason ?? ""))</td></tr>
            """
    }

    /// The same records as CSV (UTF-8 with BOM), for printing and filing.
    public static func csv(_ records: [AuditQuery.Record], masked: Bool) -> String {
        let shown: (String) -> String = { masked ? IDMask.maskText($0) : $0 }
        let header = "序号,时间,用户,角色,来源IP,操作,对象类型,对象编号,区划,变化前,变化后,原因"
        let lines = records.map { r in
            [String(r.seq), time(r.at), r.actor, r.actorRole ?? "", r.ip ?? "", AuditLabels.action(r.action), r.entity,
             r.entityID ?? "", r.areaCode ?? "", shown(r.before ?? ""), shown(r.after ?? ""), shown(r.reason ?? "")]
                .map { CSVFormat.cell(SpreadsheetText.guarded($0)) }.joined(separator: ",")
        }
        return "\u{FEFF}" + ([header] + lines).joined(separator: "\r\n") + "\r\n"
    }
}
