/// 整改状态 — where a problem stands: 待认领 (found, no owner yet) → 整改中 (owned, being fixed) → 申请销号
/// (fix reported with evidence) → 已销号 (closed by a reviewer of the issuing level). 退回 sends an
/// application back to 整改中; 复查 (回头看) reopens a closed problem. 逾期 is not a state: it is derived
/// from the deadline (`Problem.isOverdue`).
public enum ProblemState: String, Vocabulary {
    case unclaimed = "待认领"
    case rectifying = "整改中"
    case applied = "申请销号"
    case closed = "已销号"

    public var isOpen: Bool { self != .closed }
}
