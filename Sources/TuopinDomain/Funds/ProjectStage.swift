/// 项目阶段 — where a project stands in the pool's lifecycle (policy-rules §6.7, issue #16 item 1):
/// 申报 → 乡镇审核 → 县审核 → 公示 (≥ 10 days) → 入库 → 年度计划 → 实施 → 验收 → 报账 → 公告 → 绩效评价,
/// or 出库 (removed, with the reason) before it is under way.
public enum ProjectStage: String, Vocabulary {
    case proposed = "申报"
    case townshipReviewed = "乡镇审核"
    case countyReviewed = "县审核"
    case posted = "公示中"
    case pooled = "已入库"
    case planned = "年度计划"
    case underway = "实施中"
    case accepted = "已验收"
    case reimbursed = "已报账"
    case announced = "已公告"
    case evaluated = "已绩效评价"
    case removed = "已出库"

    /// The stages in order (出库 aside).
    public static let lifecycle: [ProjectStage] = [.proposed, .townshipReviewed, .countyReviewed, .posted, .pooled, .planned, .underway,
                                                   .accepted, .reimbursed, .announced, .evaluated]

    /// Before 实施: a project may still leave the pool.
    public var mayBeRemoved: Bool { [.proposed, .townshipReviewed, .countyReviewed, .posted, .pooled, .planned].contains(self) }

    /// Money may be reimbursed against the project from acceptance on (报账 after 验收).
    public var mayBeReimbursed: Bool { [.accepted, .reimbursed].contains(self) }
}
