/// 问题来源 — where a problem was found: an inspection of some kind, a cadre's visit, a monitoring flag, an
/// evaluation, a complaint, or a list handed down (policy-rules §7; issue #15 item 2).
public enum ProblemSource: String, Vocabulary {
    case openInspection = "明察"
    case unannounced = "暗访"
    case selfCheck = "自查"
    case higherInspection = "上级督查"
    case patrol = "巡察"
    case audit = "审计"
    case evaluation = "第三方评估"
    case complaint = "群众举报"
    case media = "媒体曝光"
    case visit = "走访发现"
    case monitoring = "防返贫监测"
    case handedDown = "上级交办"
    /// 资金监测 — found by the funds ledger (idle money, issue #16).
    case fundsCheck = "资金监测"
    /// 月工作清单 — a task of the county command's monthly work list, tracked like a problem: its month is the
    /// month of its date found (the first day), its owner the unit named, its deadline the due date.
    case workList = "月工作清单"

    public static var aliases: [String: ProblemSource] { ["举报": .complaint, "督查": .higherInspection, "评估": .evaluation, "日志": .visit] }

    /// The sources an inspection record can have (the others arrive without one).
    public var isInspection: Bool { [.openInspection, .unannounced, .selfCheck, .higherInspection, .patrol, .audit, .evaluation].contains(self) }
}

/// 严重程度 — decides the default deadline (限时整改) through the supervision rules.
public enum ProblemSeverity: String, Vocabulary {
    case minor = "一般"
    case serious = "较重"
    case grave = "严重"
}
