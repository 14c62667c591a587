/// 导入痕迹 — one record per file loaded; each household the file creates or changes has its own
/// `HouseholdEvent` record (`household.import`) beside it.
public enum ImportEvent: AuditEvent {
    public static let groupLabel = "导入"

    /// A file loaded as batch `batch` into a county's registry: its name and what it held.
    case loaded(batch: Int64, county: AreaCode?, file: String, households: Int, members: Int, warnings: Int)

    public enum Action: String, AuditActionKind {
        case load = "import"
        public var label: String { "导入数据文件" }
    }

    public var action: Action { .load }

    public var subject: AuditSubject {
        switch self { case let .loaded(batch, _, _, _, _, _): return AuditSubject(.importBatch, String(batch)) }
    }

    public var area: AreaCode? {
        switch self { case let .loaded(_, county, _, _, _, _): return county }
    }

    public var after: [String: String?]? {
        switch self { case let .loaded(_, _, file, households, members, warnings): return ["file": file, "households": String(households), "members": String(members), "warnings": String(warnings)] }
    }

    public var reason: String? {
        switch self { case let .loaded(_, _, file, _, _, _): return "导入文件 \(file) / import of \(file)" }
    }
}
