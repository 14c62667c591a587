import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

/// 修改户信息 — the household's own fields, checked by the importer's rules, with a message at each
/// bad field; for village and township users the save becomes a change request.
public enum HouseholdEditView {
    public struct Model: Sendable {
        public var detail: HouseholdDetail
        /// The values in the form (the stored ones, or what the user typed).
        public var values: [ExchangeColumn: String]
        /// Member rows as in the form: stored members first (with their remove mark), then the new one.
        public var members: [MemberRow]
        public var version: Int
        public var reason: String
        public var attachments: String
        public var faults: [String: String]
        public var conflict: String?
        public var csrf: String
        /// The levels that must approve a change by this user (empty: it takes effect at once).
        public var approvals: [AreaLevel]
        /// A new household (户编号 editable, no removal, posted to /households/new).
        public var isNew = false
        /// 家庭收入 rows as in the form: stored years, then blank rows for a new year.
        public var incomes: [[ExchangeColumn: String]] = []

        public init(detail: HouseholdDetail, values: [ExchangeColumn: String], members: [MemberRow], version: Int, reason: String = "",
                    attachments: String = "", faults: [String: String] = [:], conflict: String? = nil, csrf: String, approvals: [AreaLevel]) {
            self.detail = detail
            self.values = values
            self.members = members
            self.version = version
            self.reason = reason
            self.attachments = attachments
            self.faults = faults
            self.conflict = conflict
            self.csrf = csrf
            self.approvals = approvals
        }
    }

    /// One member's row of the form.
    public struct MemberRow: Sendable {
        public var values: [ExchangeColumn: String]
        public var remove: Bool
        public init(values: [ExchangeColumn: String], remove: Bool = false) {
            self.values = values
            self.remove = remove
        }
    }

    /// Member columns on the form (sex and birth date come from the ID number).
    public static let memberColumns: [ExchangeColumn] = [.name, .idNumber, .relation, .ethnicity, .education, .schooling, .educationExempt,
                                                         .health, .labour, .workPlace, .workMonths, .medicalInsurance, .pensionInsurance]

    public static let editable: [ExchangeColumn] = [.villageCode, .householdType, .identificationStandard, .mainCause, .otherCauses, .identifiedYear,
                                                    .exitYear, .housingGrade, .housingResolved, .foodSecure, .clothingSecure, .waterSafe, .powerSupplied,
                                                    .broadcastReception, .phone]

    /// The form's values from a stored household.
    /// The edit form as the page fills it for `h`, with `change` applied to its household fields (scripts and the
    /// demo edit as a user would).
    public static func form(of h: Household, version: Int, reason: String, change: (inout [ExchangeColumn: String]) -> Void = { _ in }) -> HouseholdForm {
        var fields = values(of: h)
        change(&fields)
        let members = h.members.map { m in HouseholdFieldCheck.values(of: m, in: h).filter { memberColumns.contains($0.key) } }
        return HouseholdForm(values: fields, members: members, reason: reason, attachments: [], version: version)
    }

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
        case .housingResolved, .foodSecure, .clothingSecure, .waterSafe, .powerSupplied, .broadcastReception, .educationExempt, .medicalInsurance, .pensionInsurance: ["", "是", "否"]
        case .relation: [""] + Relation.allCases.map(\.rawValue)
        case .education: [""] + Education.allCases.map(\.rawValue)
        case .schooling: [""] + Schooling.allCases.map(\.rawValue)
        case .health: [""] + Health.allCases.map(\.rawValue)
        case .labour: [""] + LabourCapacity.allCases.map(\.rawValue)
        case .workPlace: [""] + WorkPlace.allCases.map(\.rawValue)
        default: nil
        }
    }

    /// A field of the form: a list of choices or a text box; `label` names it where no visible label does (the
    /// member table's cells), and a field with a fault is marked invalid and points at its message.
    static func input(_ c: ExchangeColumn, name: String, value: String, size: Int? = nil, label: String? = nil, faulty: Bool = false) -> HTML {
        var attributes: HTML = label.map { l -> HTML in " aria-label=\"\(l)\"" } ?? .empty
        if faulty { attributes += " aria-invalid=\"true\" aria-describedby=\"\(name)-fault\"" }
        if let options = choices(c) {
            return "<select name=\"\(name)\"\(attributes)>" + options.map { o -> HTML in
                "<option value=\"\(o)\"\(o == value ? " selected" : "")>\(o.isEmpty ? "（未填）" : o)</option>"
            }.joined() + "</select>"
        }
        let width: HTML = size.map { " size=\"\($0)\"" } ?? .empty
        return "<input name=\"\(name)\" value=\"\(value)\"\(width)\(attributes)>"
    }

    static func fault(_ m: Model, _ key: String) -> HTML {
        m.faults[key].map { "<span class=\"bad\" id=\"\(key)-fault\">\($0)</span>" } ?? .empty
    }

    /// Faults of fields the form does not show (so that none is ever silent).
    static func otherFaults(_ m: Model) -> HTML {
        var shown = Set(editable.map(\.key) + [ExchangeColumn.householdNo.key])
        for i in m.members.indices { for c in memberColumns { shown.insert("m\(i)_\(c.key)") } }
        for n in m.incomes.indices { for c in HouseholdFieldCheck.incomeColumns { shown.insert("i\(n)_\(c.key)") } }
        shown.insert("reason")
        let rest = m.faults.filter { !shown.contains($0.key) }.sorted { $0.key < $1.key }
        return rest.map { f -> HTML in "<p class=\"bad\">\(f.value)</p>" }.joined()
    }

    /// Income rows a form may post (the campaign's years and a few more).
    static let maxIncomeRows = 20

    /// The rows of a household's incomes for the form, and `blank` empty rows for a year not yet recorded.
    public static func incomeRows(_ h: Household, blank: Int = 1) -> [[ExchangeColumn: String]] {
        h.incomes.sorted { $0.year < $1.year }.map { i -> [ExchangeColumn: String] in
            func m(_ x: Money?) -> String { x?.plainYuan ?? "" }
            return [.incomeYear: String(i.year), .wageIncome: m(i.wage), .businessIncome: m(i.business), .propertyIncome: m(i.property),
                    .transferIncome: m(i.transfer), .businessExpense: m(i.businessExpense)]
        } + Array(repeating: [:], count: blank)
    }

    /// 家庭收入 — one row per year, checked by the importer's rules; the per-capita net income is computed.
    static func incomeTable(_ m: Model) -> HTML {
        let head = HouseholdFieldCheck.incomeColumns.map { c -> HTML in
            "<th scope=\"col\">\(c.chineseName)\(c == .incomeYear ? "" : "（元）")</th>"
        }.joined()
        let stored = Dictionary(m.detail.household.incomes.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        let size = m.detail.household.members.count
        let rows = m.incomes.enumerated().map { n, row -> HTML in
            let cells = HouseholdFieldCheck.incomeColumns.map { c -> HTML in
                let key = "i\(n)_\(c.key)"
                return "<td>\(input(c, name: key, value: row[c] ?? "", size: c == .incomeYear ? 5 : 9, label: "第\(n + 1)行 \(c.chineseName)", faulty: m.faults[key] != nil))\(fault(m, key))</td>"
            }.joined()
            let perCapita = Int(row[.incomeYear] ?? "").flatMap { stored[$0]?.perCapita(memberCount: size) }.map { HTML.text($0.groupedYuan) } ?? "<span class=\"muted\">保存后计算</span>"
            return "<tr>\(cells)<td class=\"num\">\(perCapita)</td></tr>"
        }.joined(separator: "\n")
        return """
            <h2>家庭收入</h2>
            <p class="muted">每年一行，按导入的规则核对；人均纯收入 =（各项收入 − 生产经营性支出）÷ 家庭人口，保存后计算。清空一行即删除该年收入。只改收入的申请为“收入更正”。</p>
            <input type="hidden" name="income_rows" value="\(m.incomes.count)">
            <table><thead><tr>\(head)<th scope="col">人均纯收入（元）</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    static func memberTable(_ m: Model) -> HTML {
        let head = memberColumns.map { c -> HTML in "<th scope=\"col\">\(c.chineseName)</th>" }.joined()
        let rows = m.members.enumerated().map { i, row -> HTML in
            let isNew = i >= m.detail.household.members.count
            let prefix = "m\(i)_"
            let cells = memberColumns.map { c -> HTML in
                let readOnly = c == .idNumber && !isNew
                let field: HTML = readOnly ? "<input type=\"hidden\" name=\"\(prefix)\(c.key)\" value=\"\(row.values[c] ?? "")\">\(row.values[c] ?? "")"
                    : input(c, name: prefix + c.key, value: row.values[c] ?? "", size: c == .idNumber ? 20 : (c == .name ? 8 : 4),
                            label: "第\(i + 1)人 \(c.chineseName)", faulty: m.faults[prefix + c.key] != nil)
                return "<td>\(field)\(fault(m, "m\(i)_\(c.key)"))</td>"
            }.joined()
            let remove: HTML = isNew ? "<td>新增</td>" : "<td><label><input type=\"checkbox\" name=\"\(prefix)remove\"\(row.remove ? " checked" : "")>删除第\(i + 1)人</label></td>"
            return "<tr>\(remove)\(cells)</tr>"
        }.joined(separator: "\n")
        return "<h2>家庭成员</h2><table><thead><tr><th scope=\"col\"></th>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let columns = m.isNew ? [ExchangeColumn.householdNo] + editable : editable
        let fields = columns.map { c -> HTML in
            "<label>\(c.chineseName)\(input(c, name: c.key, value: m.values[c] ?? "", faulty: m.faults[c.key] != nil))\(fault(m, c.key))</label>"
        }.joined(separator: "\n")
        let route = m.approvals.isEmpty ? (m.isNew ? "提交后立即建档。" : "保存后立即生效。") : "保存后成为变更申请，须经" + m.approvals.map(\.label).joined(separator: "、") + "依次审批后生效。"
        let version = m.isNew ? "" : " 户编号 \(m.detail.household.number)，当前第 \(m.detail.version) 版。"
        let conflict = m.conflict.map { c -> HTML in "<p class=\"bad\" role=\"alert\">\(c)</p>" }
        let body: HTML = """
            \(conflict.orEmpty)
            <p class="muted">\(route)\(version)</p>
            <form class="edit" method="post" action="\(m.isNew ? "/households/new" : "/households/\(m.detail.id)/edit")">
            <input type="hidden" name="_csrf" value="\(m.csrf)">
            <input type="hidden" name="version" value="\(m.version)">
            \(fields)
            \(memberTable(m))
            \(incomeTable(m))
            \(otherFaults(m))
            <label>修改原因（必填）<input name="reason" value="\(m.reason)" size="40"\(m.faults["reason"] == nil ? HTML.empty : " aria-invalid=\"true\" aria-describedby=\"reason-fault\"")>\(fault(m, "reason"))</label>
            <label>附件名称（多个用逗号分隔）<input name="attachments" value="\(m.attachments)" size="30"></label>
            <button type="submit">\(m.approvals.isEmpty ? "保存" : "提交变更申请")</button>
            <a href="/households/\(m.detail.id)">取消</a>
            </form>
            """
        if m.isNew {
            return Layout.page(title: "新增贫困户", crumbs: [.init("首页", "/areas"), .init("新增贫困户")], chrome: chrome, body: body)
        }
        return Layout.page(title: "修改户信息", crumbs: [.init("首页", "/areas"), .init(m.detail.household.number, "/households/\(m.detail.id)"), .init("修改")],
                           chrome: chrome, body: body)
    }
}
