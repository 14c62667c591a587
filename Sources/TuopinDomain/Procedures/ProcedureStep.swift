/// 程序步骤 — a step of an official procedure; the raw value is the official term.
public enum ProcedureStep: String, Sendable, Hashable, Codable, CaseIterable {
    case application = "申请"
    case villageReview = "村民代表大会评议"
    case villagePosting = "村公示"
    case townshipReview = "乡镇审核"
    case townshipPosting = "乡镇公示"
    case countyReview = "县复审"
    case democraticReview = "民主评议"
    case verification = "核实"
    case householdConsent = "户认可"
    case posting = "公示"
    case announcement = "公告"
    case deregistration = "销号"
    case registration = "登记"
    case riskAlert = "风险预警"
    case homeVerification = "入户核实"
    case dataMatching = "信息比对"
    case countyApproval = "县级审定"

    /// A 公示: it runs for the standard's minimum days and may receive objections.
    public var isPosting: Bool { self == .villagePosting || self == .townshipPosting || self == .posting }

    /// The level that takes the step: the village (its team and 两委) records meetings, visits and its
    /// posting; the township reviews and posts; the county reviews, announces and closes. A step may be
    /// taken by its own level or one above, so each county step is the level above agreeing.
    public var level: AreaLevel {
        switch self {
        case .townshipReview, .townshipPosting: .township
        case .countyReview, .countyApproval, .announcement, .deregistration: .county
        default: .village
        }
    }
}
