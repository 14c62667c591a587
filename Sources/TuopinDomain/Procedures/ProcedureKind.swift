/// 程序 — the official procedures a household goes through, each an ordered list of steps.
/// Sources: 2014 建档立卡工作方案 (identification, "两公示一公告", policy-rules §2.1); 2016 《关于建立贫困退出机制的意见》
/// (exit, §1.2); 2017 动态调整 notice (return to poverty, removal, natural changes, §3.2).
public enum ProcedureKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 识别: 申请 → 村民代表大会评议 → 村公示 → 乡镇审核 → 乡镇公示 → 县复审 → 公告
    case identification = "贫困户识别"
    /// 退出: 民主评议 → 核实 → 户认可 → 公示 → 公告 → 销号
    case exit = "贫困户退出"
    /// 返贫: 申请 → 核实 → 民主评议 → 公示 → 公告
    case returnToPoverty = "返贫"
    /// 错评剔除: 核实 → 民主评议 → 公示 → 公告 → 销号
    case removal = "错评剔除"
    /// 自然变更 (出生、死亡、婚入婚出、分户): 登记 → 乡镇审核
    case naturalChange = "自然变更"
    /// 监测对象识别 (2021): 风险预警 → 入户核实 → 信息比对 → 民主评议 → 村公示 → 乡镇审核 → 县级审定 → 公告
    case monitoringEntry = "监测对象识别"
    /// 风险消除 (2021): 核实 → 民主评议 → 村公示 → 乡镇审核 → 县级审定 → 公告
    case monitoringClearance = "风险消除"

    public var steps: [ProcedureStep] {
        switch self {
        case .identification: [.application, .villageReview, .villagePosting, .townshipReview, .townshipPosting, .countyReview, .announcement]
        case .exit: [.democraticReview, .verification, .householdConsent, .posting, .announcement, .deregistration]
        case .returnToPoverty: [.application, .verification, .democraticReview, .posting, .announcement]
        case .removal: [.verification, .democraticReview, .posting, .announcement, .deregistration]
        case .naturalChange: [.registration, .townshipReview]
        case .monitoringEntry: [.riskAlert, .homeVerification, .dataMatching, .democraticReview, .villagePosting, .townshipReview,
                                .countyApproval, .announcement]
        case .monitoringClearance: [.verification, .democraticReview, .villagePosting, .townshipReview, .countyApproval, .announcement]
        }
    }

    /// What the household's status becomes when the procedure is finished (its status history).
    public var outcome: String {
        switch self {
        case .identification: "识别为贫困户"
        case .exit: "已脱贫"
        case .returnToPoverty: "返贫"
        case .removal: "错评剔除"
        case .naturalChange: "自然变更"
        case .monitoringEntry: "纳入监测"
        case .monitoringClearance: "风险消除"
        }
    }

    /// Why the procedure may not start for a household in this state (nil: it may).
    /// - Parameters:
    ///   - exited: the household carries a 脱贫年度.
    ///   - monitored: it is a monitoring object (entered and not cleared).
    public func refusal(exited: Bool, monitored: Bool) -> Refused? {
        switch self {
        case .exit where exited: Refused(.conflict, "此户已脱贫", "the household has already exited")
        case .returnToPoverty where !exited: Refused(.conflict, "此户尚未脱贫，不能返贫", "the household has not exited")
        case .monitoringEntry where monitored: Refused(.conflict, "此户已是监测对象", "the household is already monitored")
        case .monitoringClearance where !monitored: Refused(.conflict, "此户不是监测对象", "the household is not monitored")
        default: nil
        }
    }
}
