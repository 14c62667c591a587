/// Every kind of audit event there is, and the label of each action — what the audit page, its CSV and
/// its search form read. A feature that declares an event type lists it here (`AuditCatalogTests` finds
/// any conforming type that is missing).
public enum AuditCatalog {
    public static let eventTypes: [any AuditEvent.Type] = [
        AccountEvent.self, HouseholdEvent.self, ImportEvent.self, ExportEvent.self, ChangeEvent.self, ProcedureEvent.self,
        MonitoringEvent.self, TargetEvent.self, VillageEvent.self, SummaryEvent.self, ResponsibilityEvent.self,
        SupervisionEvent.self, FundsEvent.self, BenefitsEvent.self, MatchEvent.self, AttachmentEvent.self, EvaluationEvent.self, RosterEvent.self,
    ]

    /// (key, label) of every action, in the order of the event types.
    public static let actions: [(key: String, label: String)] = eventTypes.flatMap { $0.actionLabels }

    private static let labels: [String: String] = Dictionary(actions.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })

    /// The label of a stored action key (the key itself for one no event declares, so nothing is hidden).
    public static func label(_ key: String) -> String { labels[key] ?? key }
}

extension AuditEvent {
    /// (key, label) of each of this type's actions.
    public static var actionLabels: [(key: String, label: String)] { Action.allCases.map { ($0.rawValue, $0.label) } }
}
