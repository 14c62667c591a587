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

    /// A 公示: it runs for the standard's minimum days and may receive objections.
    public var isPosting: Bool { self == .villagePosting || self == .townshipPosting || self == .posting }
}
