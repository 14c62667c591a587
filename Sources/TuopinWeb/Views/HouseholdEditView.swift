import TuopinDomain
import TuopinExchange
import TuopinStore

/// 修改户信息 — the household's own fields, checked by the importer's rules, with a message at each
/// bad field; for village and township users the save becomes a change request.
public enum HouseholdEditView {
    public struct Model: Sendable {
        public var detail: HouseholdDetail
        /// The values in the form (the stored ones, or what the user typed).
        public var values: [ExchangeColumn: String]
        public var version: Int
        public var reason: String
        public var attachments: String
        public var faults: [String: String]
        public var conflict: String?
        public var csrf: String
        /// The levels that must approve a change by this user (empty: it takes effect at once).
        public var approvals: [AreaLevel]

        public init(detail: HouseholdDetail, values: [ExchangeColumn: String], version: Int, reason: String = "", attachments: String = "",
                    faults: [String: String] = [:], conflict: String? = nil, csrf: String, approvals: [AreaLevel]) {
            self.detail = detail
            self.values = values
            self.version = version
            self.reason = reason
            self.attachments = attachments
            self.faults = faults
            self.conflict = conflict
            self.csrf = csrf
            self.approvals = approvals
        }
    }

    public static let editable: [ExchangeColumn] = [.householdType, .identificationStandard, .mainCause, .otherCauses, .identifiedYear,
                                                    .exitYear, .housingGrade, .housingResolved, .foodSecure, .clothingSecure, .waterSafe, .phone]

    /// The form's values from a stored household.
    public static func values(of h: Household) -> [ExchangeColumn: String] {
        let row = RegistryRowFormatter.rows(h).first ?? []
        var v: [ExchangeColumn: String] = [:]
        for c in editable where c.rawValue < row.count { v[c] = row[c.rawValue] }
        return v
    }

    static func choices(_ column: ExchangeColumn) -> [String]? {
        switch column {
        case .householdType: HouseholdType.allCases.map(\.rawValue)
        case .identificationStandard: IdentificationStandard.allCases.map(\.rawValue)
        case .mainCause: PovertyCause.allCases.map(\.rawValue)
        case .housingGrade: [""] + HousingGrade.allCases.map(\.rawValue)
        case .housingResolved, .foodSecure, .clothingSecure, .waterSafe: ["", "是", "否"]
        default: nil
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> String {
        let fields = editable.map { c -> String in
            let value = m.values[c] ?? ""
            let fault = m.faults[c.key].map { "<span class=\"bad\">\(HTML.escape($0))</span>" } ?? ""
            let input: String
            if let options = choices(c) {
                input = "<select name=\"\(c.key)\">" + options.map { o in
                    "<option value=\"\(HTML.escape(o))\"\(o == value ? " selected" : "")>\(o.isEmpty ? "（未填）" : HTML.escape(o))</option>"
                }.joined() + "</select>"
            } else {
                input = "<input name=\"\(c.key)\" value=\"\(HTML.escape(value))\">"
            }
            return "<label>\(c.chineseName)\(input)\(fault)</label>"
        }.joined(separator: "\n")
        let route = m.approvals.isEmpty ? "保存后立即生效。" : "保存后成为变更申请，须经" + m.approvals.map(\.label).joined(separator: "、") + "依次审批后生效。"
        let body = """
            \(m.conflict.map { "<p class=\"bad\" role=\"alert\">\(HTML.escape($0))</p>" } ?? "")
            <p class="muted">\(route) 户编号 \(HTML.escape(m.detail.household.number))，当前第 \(m.detail.version) 版。</p>
            <form class="filters" method="post" action="/households/\(m.detail.id)/edit">
            <input type="hidden" name="_csrf" value="\(HTML.escape(m.csrf))">
            <input type="hidden" name="version" value="\(m.version)">
            \(fields)
            <label>修改原因（必填）<input name="reason" value="\(HTML.escape(m.reason))" size="40">\(m.faults["reason"].map { "<span class=\"bad\">\(HTML.escape($0))</span>" } ?? "")</label>
            <label>附件名称（多个用逗号分隔）<input name="attachments" value="\(HTML.escape(m.attachments))" size="30"></label>
            <button type="submit">\(m.approvals.isEmpty ? "保存" : "提交变更申请")</button>
            <a href="/households/\(m.detail.id)">取消</a>
            </form>
            """
        return Layout.page(title: "修改户信息", crumbs: [.init("首页", "/areas"), .init(m.detail.household.number, "/households/\(m.detail.id)"), .init("修改")],
                           chrome: chrome, body: body)
    }
}
