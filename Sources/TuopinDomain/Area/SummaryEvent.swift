/// 汇总表痕迹 — the area summary tables rebuilt from the registry (`tuopin check-aggregates --rebuild`).
public enum SummaryEvent: AuditEvent {
    public static let groupLabel = "汇总表"

    case rebuilt(reason: String)

    public enum Action: String, AuditActionKind {
        case rebuild = "aggregates.rebuild"
        public var label: String { "重建汇总表" }
    }

    public var action: Action { .rebuild }
    public var subject: AuditSubject { AuditSubject(.summaryTables, "all") }
    public var reason: String? {
        switch self { case let .rebuilt(reason): return reason }
    }
}
