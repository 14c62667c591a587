/// 导出痕迹 — personal data leaving the system: an area's registry, or a page of the audit trail.
public enum ExportEvent: AuditEvent {
    case registry(area: AreaCode?, households: Int, persons: Int, format: String)
    case audit(records: Int, userArea: AreaCode?)

    public enum Action: String, AuditActionKind {
        case registry = "registry.export"
        case audit = "audit.export"

        public var label: String {
            switch self {
            case .registry: "导出建档立卡数据"
            case .audit: "导出痕迹"
            }
        }
    }

    public var action: Action {
        switch self {
        case .registry: .registry
        case .audit: .audit
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .registry(let area, _, _, _): AuditSubject(.area, area?.value ?? "all")
        case .audit: AuditSubject(.audit, nil)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .registry(let area, _, _, _): area
        case .audit(_, let userArea): userArea
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .registry(_, let h, let p, let format): ["households": String(h), "persons": String(p), "format": format]
        case .audit(let n, _): ["records": String(n)]
        }
    }

    public var reason: String? {
        if case .registry = self { return "导出含个人信息的建档立卡数据 / export of personal data" }
        return nil
    }
}
