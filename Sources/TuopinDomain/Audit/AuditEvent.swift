/// 痕迹事件 — one thing that happened to a record, as the audit trail keeps it: what was done (its action,
/// with a Chinese label), to what, in which area, the content before and after, and why. Each feature
/// declares its events as one type (`HouseholdEvent`, `ChangeEvent`, …) whose `Action` lists every action
/// it can record; `AuditCatalog` gathers them, so the audit page and its CSV have a label for every action
/// that exists. Only the use-case layer (`TuopinServices`) appends events, in the transaction of the change.
public protocol AuditEvent: Sendable {
    associatedtype Action: AuditActionKind
    /// The heading under which the search form lists this type's actions.
    static var groupLabel: String { get }
    var action: Action { get }
    var subject: AuditSubject { get }
    /// The area the record belongs to (who may read the record is decided by it).
    var area: AreaCode? { get }
    /// Fields before the change (nil: nothing before, e.g. a creation).
    var before: [String: String?]? { get }
    /// Fields after the change (nil: nothing after, e.g. a removal).
    var after: [String: String?]? { get }
    var reason: String? { get }
    /// The household whose stored state this event changes (created, edited, its status set, removed): its
    /// record then carries the state's hash, which `tuopin audit verify --registry` checks the registry against.
    var changedHousehold: Household.ID? { get }
}

extension AuditEvent {
    public var area: AreaCode? { nil }
    public var before: [String: String?]? { nil }
    public var after: [String: String?]? { nil }
    public var reason: String? { nil }
    public var changedHousehold: Household.ID? { nil }
}

/// The actions one feature records: each an action key as stored (`household.edit`) and its Chinese label.
public protocol AuditActionKind: CaseIterable, Sendable, RawRepresentable where RawValue == String {
    /// 中文名称, as the audit page shows it.
    var label: String { get }
}

/// 痕迹对象 — what an event is about: a kind of record and its identifier.
public struct AuditSubject: Hashable, Sendable {
    public var entity: AuditEntity
    public var id: String?

    public init(_ entity: AuditEntity, _ id: String?) {
        self.entity = entity
        self.id = id
    }

    public static func household(_ id: Household.ID?) -> AuditSubject { AuditSubject(.household, id.map(\.description)) }
    public static func user(_ id: User.ID?) -> AuditSubject { AuditSubject(.user, id.map(\.description)) }
}

/// 对象类型 — the kinds of record the trail speaks of, stored by key.
public enum AuditEntity: String, CaseIterable, Sendable, Hashable {
    case household
    case user
    case procedure
    case area
    case exitTarget = "exit_target"
    case importBatch = "import_batch"
    case audit
    case summaryTables = "summary_tables"
    case cadre
    case pairing
    case workLog = "work_log"
    case problem
    case inspection
    case fundSource = "fund_source"
    case allocation
    case reimbursement
    case project
    case benefitBatch = "benefit_batch"
    case changeRequest = "change_request"
    case evaluation

    public var label: String {
        switch self {
        case .household: "贫困户"
        case .user: "用户"
        case .procedure: "程序"
        case .area: "区划"
        case .exitTarget: "减贫计划"
        case .importBatch: "导入批次"
        case .audit: "痕迹"
        case .summaryTables: "汇总表"
        case .cadre: "干部"
        case .pairing: "结对帮扶"
        case .workLog: "工作日志"
        case .problem: "问题"
        case .inspection: "督查"
        case .fundSource: "资金来源"
        case .allocation: "资金下达"
        case .reimbursement: "报账"
        case .project: "项目"
        case .benefitBatch: "到户资金"
        case .changeRequest: "变更申请"
        case .evaluation: "评估"
        }
    }
}

/// Who did it, as the trail records it: the account (or the server's command line), its role, the address.
public struct AuditActor: Sendable, Hashable {
    public var username: String
    /// nil for the command line, which acts without an account.
    public var role: Role?
    public var ip: String?

    public init(username: String, role: Role?, ip: String?) {
        self.username = username
        self.role = role
        self.ip = ip
    }

    /// The operator at the server's command line.
    public static let commandLine = AuditActor(username: "命令行 / command line", role: nil, ip: nil)
}
