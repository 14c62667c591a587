/// 户信息痕迹 — what happens to a household's record: entered, edited, removed, its exit status changed
/// by a procedure, imported from a file, and its whole ID numbers viewed.
public enum HouseholdEvent: AuditEvent {
    public static let groupLabel = "贫困户"

    case created(Household.ID, Household, reason: String?)
    case edited(Household.ID, area: AreaCode, before: [String: String], after: [String: String], reason: String?)
    case removed(Household.ID, Household, reason: String?)
    /// 脱贫年度 set or cleared by a finished procedure.
    case exitYearChanged(Household.ID, area: AreaCode, from: Int?, to: Int?, reason: String)
    case identityViewed(Household.ID, area: AreaCode)
    /// 状态基线 — the state of a household stored before state hashes existed, recorded once after the upgrade.
    case stateRecorded(Household.ID, area: AreaCode)

    public enum Action: String, AuditActionKind {
        case create = "household.create"
        case edit = "household.edit"
        case remove = "household.remove"
        case status = "household.status"
        /// Laid out by the import's bulk writer (one record per household a file creates or changes).
        case importRecord = "household.import"
        case identityView = "identity.view"
        case stateBaseline = "household.state_baseline"

        public var label: String {
            switch self {
            case .create: "新增贫困户"
            case .edit: "修改户信息"
            case .remove: "删除贫困户"
            case .status: "变更脱贫状态"
            case .importRecord: "导入户信息"
            case .identityView: "查看完整证件号码"
            case .stateBaseline: "记录户状态基线"
            }
        }
    }

    public var action: Action {
        switch self {
        case .created: .create
        case .edited: .edit
        case .removed: .remove
        case .exitYearChanged: .status
        case .identityViewed: .identityView
        case .stateRecorded: .stateBaseline
        }
    }

    public var changedHousehold: Household.ID? {
        switch self {
        case .created(let id, _, _), .edited(let id, _, _, _, _), .removed(let id, _, _), .exitYearChanged(let id, _, _, _, _),
             .stateRecorded(let id, _): id
        case .identityViewed: nil
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .created(let id, _, _), .edited(let id, _, _, _, _), .removed(let id, _, _), .exitYearChanged(let id, _, _, _, _),
             .identityViewed(let id, _), .stateRecorded(let id, _): .household(id)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .created(_, let h, _), .removed(_, let h, _): h.villageCode
        case .edited(_, let a, _, _, _), .exitYearChanged(_, let a, _, _, _), .identityViewed(_, let a), .stateRecorded(_, let a): a
        }
    }

    public var before: [String: String?]? {
        switch self {
        case .edited(_, _, let before, _, _): before.mapValues { $0 }
        case .removed(_, let h, _): HouseholdDiff.everything(h).mapValues { $0 }
        case .exitYearChanged(_, _, let from, _, _): ["脱贫年度": from.map(String.init)]
        case .created, .identityViewed, .stateRecorded: nil
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .created(_, let h, _): HouseholdDiff.everything(h).mapValues { $0 }
        case .edited(_, _, _, let after, _): after.mapValues { $0 }
        case .exitYearChanged(_, _, _, let to, _): ["脱贫年度": to.map(String.init)]
        case .removed, .identityViewed, .stateRecorded: nil
        }
    }

    public var reason: String? {
        switch self {
        case .created(_, _, let r), .edited(_, _, _, _, let r), .removed(_, _, let r): r
        case .exitYearChanged(_, _, _, _, let r): r
        case .identityViewed: "查看完整证件号码和电话 / viewed whole ID numbers and phone"
        case .stateRecorded: "升级后记录已有数据的状态 / the state of data stored before the upgrade"
        }
    }
}
