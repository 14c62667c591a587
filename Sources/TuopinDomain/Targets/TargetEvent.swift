/// 减贫计划痕迹 — a yearly plan set or changed for an area (the fields that changed, before and after).
public enum TargetEvent: AuditEvent {
    public static let groupLabel = "减贫计划"

    case planned(ExitTarget, before: ExitTarget?, reason: String)

    public enum Action: String, AuditActionKind {
        case plan = "target.plan"
        public var label: String { "下达减贫计划" }
    }

    public var action: Action { .plan }

    public var subject: AuditSubject {
        switch self { case let .planned(t, _, _): return AuditSubject(.exitTarget, "\(t.area.value)/\(t.year)") }
    }

    public var area: AreaCode? {
        switch self { case let .planned(t, _, _): return t.area }
    }

    /// The plan, what was stored before, and the fields that differ.
    var parts: (plan: ExitTarget, old: [String: String]?, changed: [String]) {
        switch self {
        case let .planned(t, before, _):
            let old = before?.fields, new = t.fields
            return (t, old, new.keys.filter { old?[$0] != new[$0] })
        }
    }

    public var before: [String: String?]? {
        let p = parts
        guard let old = p.old else { return nil }
        return Dictionary(uniqueKeysWithValues: p.changed.map { ($0, old[$0]) })
    }

    public var after: [String: String?]? {
        let p = parts, new = p.plan.fields
        return Dictionary(uniqueKeysWithValues: p.changed.map { ($0, new[$0]) })
    }

    public var reason: String? {
        switch self { case let .planned(_, _, reason): return reason }
    }
}
