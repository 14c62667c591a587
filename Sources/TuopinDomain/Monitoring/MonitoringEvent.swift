/// 防返贫监测痕迹 — a hardship recorded for a household.
public enum MonitoringEvent: AuditEvent {
    public static let groupLabel = "防返贫监测"

    case hardshipRecorded(Household.ID, Hardship, area: AreaCode)

    public enum Action: String, AuditActionKind {
        case recordHardship = "hardship.record"
        public var label: String { "登记突发困难" }
    }

    public var action: Action { .recordHardship }

    public var subject: AuditSubject {
        switch self { case let .hardshipRecorded(id, _, _): return .household(id) }
    }

    public var area: AreaCode? {
        switch self { case let .hardshipRecorded(_, _, area): return area }
    }

    public var after: [String: String?]? {
        switch self { case let .hardshipRecorded(_, h, _): return ["风险类型": h.kind.rawValue, "发生日期": h.occurredOn.description, "支出或损失": h.cost.compactYuan + " 元", "说明": h.note] }
    }

    public var reason: String? {
        switch self { case let .hardshipRecorded(_, h, _): return h.note }
    }
}
