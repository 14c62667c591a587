/// 户籍名单的痕迹 — a county's household-registration roster loaded (it replaces the one before).
public enum RosterEvent: AuditEvent {
    case imported(file: String, digest: String, persons: Int, households: Int, outside: Int, replaced: Int, county: AreaCode)

    public enum Action: String, AuditActionKind {
        case load = "roster.import"

        public var label: String { "导入户籍人口名单" }
    }

    public static var groupLabel: String { "第三方评估" }
    public var action: Action { .load }

    public var subject: AuditSubject {
        switch self {
        case .imported(_, let digest, _, _, _, _, _): AuditSubject(.importBatch, String(digest.prefix(16)))
        }
    }

    public var area: AreaCode? {
        switch self {
        case .imported(_, _, _, _, _, _, let county): county
        }
    }

    public var before: [String: String?]? {
        switch self {
        case .imported(_, _, _, _, _, let replaced, _): replaced > 0 ? ["名单人数": String(replaced)] : nil
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .imported(let file, let digest, let persons, let households, let outside, _, _):
            ["文件": file, "SHA-256": digest, "名单人数": String(persons), "户数": String(households), "卡外户": String(outside)]
        }
    }
}
