/// 贫困村登记痕迹 — a village's name, registered population, poor-village flag or exit year changed.
public enum VillageEvent: AuditEvent {
    public static let groupLabel = "贫困村"

    /// The fields that changed, before and after.
    case profileChanged(AreaCode, before: [String: String?], after: [String: String?], reason: String)

    public enum Action: String, AuditActionKind {
        case profile = "village.profile"
        public var label: String { "修改贫困村登记" }
    }

    public var action: Action { .profile }

    public var subject: AuditSubject {
        switch self { case let .profileChanged(code, _, _, _): return AuditSubject(.area, code.value) }
    }

    public var area: AreaCode? {
        switch self { case let .profileChanged(code, _, _, _): return code }
    }

    public var before: [String: String?]? {
        switch self { case let .profileChanged(_, before, _, _): return before }
    }

    public var after: [String: String?]? {
        switch self { case let .profileChanged(_, _, after, _): return after }
    }

    public var reason: String? {
        switch self { case let .profileChanged(_, _, _, reason): return reason }
    }
}
