import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

/// 痕迹查询 — search the audit trail by user, area, entity, action and time; export as CSV.
public enum AuditSearchView {
    public struct Model: Sendable {
        public var query: [String: String]
        public var page: Page<AuditQuery.Record>
        /// ID numbers and phones in the records are masked (roles without 查看完整证件号码).
        public var masked: Bool
        public var names: AuditNames
        /// Users and areas to pick from.
        public var choices: AuditService.Choices
        public init(query: [String: String], page: Page<AuditQuery.Record>, masked: Bool, names: AuditNames = AuditNames(),
                    choices: AuditService.Choices = .init(users: [], areas: [])) {
            self.query = query
            self.page = page
            self.masked = masked
            self.names = names
            self.choices = choices
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
        func field(_ key: String, _ label: String, _ type: String = "text", list: String? = nil) -> HTML {
            "<label>\(label)<input type=\"\(type)\" name=\"\(key)\" value=\"\(m.query[key] ?? "")\"\(list.map { l -> HTML in " list=\"\(l)\"" }.orEmpty)></label>"
        }
        func select(_ key: String, _ label: String, _ options: [(value: String, label: String)], groups: [(String, [(value: String, label: String)])] = []) -> HTML {
            let chosen = m.query[key]
            func option(_ o: (value: String, label: String)) -> HTML {
                "<option value=\"\(o.value)\"\(o.value == chosen ? " selected" : "")>\(o.label)</option>"
            }
            let grouped = groups.map { g -> HTML in "<optgroup label=\"\(g.0)\">\(g.1.map(option).joined())</optgroup>" }.joined()
            // A value from a link that the lists do not hold (an account outside the area, an old action) stays chosen.
            let known = Set((options + groups.flatMap(\.1)).map(\.value))
            let kept: HTML = chosen.map { c -> HTML in known.contains(c) ? .empty : option((c, c)) } ?? .empty
            return "<label>\(label)<select name=\"\(key)\"><option value=\"\">全部</option>\(kept)\(options.map(option).joined())\(grouped)</select></label>"
        }
        let csv = "/audit.csv" + HTML.query(m.query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let entities = AuditEntity.allCases.map { (value: $0.rawValue, label: $0.label) }
        let actions = AuditCatalog.eventTypes.map { type in
            (type.groupLabel, type.actionLabels.map { (value: $0.key, label: $0.label) })
        }
        let areaList: HTML = "<datalist id=\"audit-areas\">" + m.choices.areas.map { a -> HTML in "<option value=\"\(a.code.value)\">\(a.label)</option>" }.joined() + "</datalist>"
        let form: HTML = """
            <form class="filters" method="get" action="/audit">
            \(select("actor", "用户", m.choices.users.map { (value: $0.login, label: $0.label) }))\(field("area", "区划（名称或代码）", list: "audit-areas"))\(areaList)
            \(select("entity", "对象类型", entities))\(field("entity_id", "对象编号"))
            \(select("action", "操作", [], groups: actions))\(field("from", "起（日期）", "date"))\(field("to", "止（日期）", "date"))
            <button type="submit">查询</button>
            <a href="\(csv)">导出 CSV</a>
            </form>
            """
        let table: HTML = m.page.items.isEmpty ? "<p>没有符合条件的记录。 <span class=\"muted\">No records match.</span></p>" : """
            <p class="muted">共 \(HTML.count(m.page.total)) 条，第 \(m.page.page)/\(m.page.pageCount) 页（新记录在前）</p>
            \(table(m.page.items, masked: m.masked, names: m.names))
            """
        return Layout.page(title: "痕迹查询", crumbs: [.init("首页", "/areas"), .init("痕迹查询")], chrome: chrome, body: form + table)
    }

    /// The table of audit records, as the search page and each household's history show it.
    static func table(_ records: [AuditQuery.Record], masked: Bool, names: AuditNames) -> HTML {
        """
        <table><thead><tr><th scope="col" class="num">序号</th><th scope="col">时间</th><th scope="col">用户</th><th scope="col">角色</th><th scope="col">来源IP</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">区划</th><th scope="col">变化</th><th scope="col">原因</th></tr></thead>
        <tbody>\(records.map { row($0, masked: masked, names: names) }.joined(separator: "\n"))</tbody></table>
        """
    }

    /// "姓名（单位）" of a login, or the login when the account is unknown.
    static func actor(_ login: String, _ names: AuditNames) -> String {
        names.users[login] ?? login
    }

    /// What a record is about, by name: "户 H0001 韦国强", "用户 张三（东兰县扶贫办）", "东兰镇".
    static func object(_ r: AuditQuery.Record, _ names: AuditNames) -> (text: String, href: String?) {
        let entity = AuditEntity(rawValue: r.entity)
        let label = entity?.label ?? r.entity
        guard let id = r.entityID else { return (label, nil) }
        switch entity {
        case .household:
            guard let h = names.households[id] else { return ("\(label) \(id)（已删除）", nil) }
            return ("户 \(h.number)\(h.head.map { " \($0)" } ?? "")", "/households/\(id)")
        case .user:
            let login = names.userIDs[id]
            return ("用户 " + (login.map { actor($0, names) } ?? id), nil)
        case .area:
            return (names.areas[id].map { "\($0)（\(id)）" } ?? "区划 \(id)", nil)
        default:
            return ("\(label) \(id)", nil)
        }
    }

    static func row(_ r: AuditQuery.Record, masked: Bool, names: AuditNames) -> HTML {
        let shown: (String) -> String = { masked ? IDMask.maskText($0) : $0 }
        let changes = AuditLabels.changes(before: r.before, after: r.after).map { HTML.text(shown($0)) }.joined(separator: "<br>")
        let o = object(r, names)
        let objectCell: HTML = o.href.map { href -> HTML in "<a href=\"\(href)\">\(o.text)</a>" } ?? "\(o.text)"
        let area: HTML = r.areaCode.map { code -> HTML in names.areas[code].map { n -> HTML in "\(n)" } ?? "\(code)" } ?? .empty
        return """
            <tr><td class="num">\(r.seq)</td><td>\(time(r.at))</td><td>\(actor(r.actor, names))</td><td>\(r.actorRole ?? "")</td>\
            <td>\(r.ip ?? "")</td><td>\(AuditLabels.action(r.action))</td><td>\(objectCell)</td>\
            <td>\(area)</td><td>\(changes)</td><td>\(shown(r.reason ?? ""))</td></tr>
            """
    }

    /// The same records as CSV (UTF-8 with BOM), for printing and filing.
    public static func csv(_ records: [AuditQuery.Record], masked: Bool, names: AuditNames = AuditNames()) -> String {
        let shown: (String) -> String = { masked ? IDMask.maskText($0) : $0 }
        let header = ["序号", "时间", "用户", "姓名（单位）", "角色", "来源IP", "操作", "对象类型", "对象编号", "对象", "区划代码", "区划", "变化前", "变化后", "原因"]
        let lines = records.map { r in
            [String(r.seq), time(r.at), r.actor, actor(r.actor, names), r.actorRole ?? "", r.ip ?? "", AuditLabels.action(r.action), r.entity,
             r.entityID ?? "", object(r, names).text, r.areaCode ?? "", r.areaCode.flatMap { names.areas[$0] } ?? "",
             shown(r.before ?? ""), shown(r.after ?? ""), shown(r.reason ?? "")]
        }
        return CSVFormat.table([header] + lines, byteOrderMark: true)
    }
}
