/// 导出痕迹 — personal data leaving the system: an area's registry, or a page of the audit trail.
public enum ExportEvent: AuditEvent {
    public static let groupLabel = "导出"

    case registry(area: AreaCode?, households: Int, persons: Int, format: String)
    case audit(records: Int, userArea: AreaCode?)
    /// A list of households behind a count (names, no ID numbers), e.g. those missing one exit item.
    case householdList(area: AreaCode, rows: Int, what: String)

    public enum Action: String, AuditActionKind {
        case registry = "registry.export"
        case audit = "audit.export"
        case householdList = "households.export"

        public var label: String {
            switch self {
            case .registry: "导出建档立卡数据"
            case .audit: "导出痕迹"
            case .householdList: "导出户名单"
            }
        }
    }

    public var action: Action {
        switch self {
        case .registry: .registry
        case .audit: .audit
        case .householdList: .householdList
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .registry(let area, _, _, _): AuditSubject(.area, area?.value ?? "all")
        case .audit: AuditSubject(.audit, nil)
        case .householdList(let area, _, _): AuditSubject(.area, area.value)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .registry(let area, _, _, _): area
        case .audit(_, let userArea): userArea
        case .householdList(let area, _, _): area
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .registry(_, let h, let p, let format): ["households": String(h), "persons": String(p), "format": format]
        case .audit(let n, _): ["records": String(n)]
        case .householdList(_, let n, let what): ["households": String(n), "list": what]
        }
    }

    public var reason: String? {
        if case .registry = self { return "导出含个人信息的建档立卡数据 / export of personal data" }
        return nil
    }
}
