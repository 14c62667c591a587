/// 劳动技能 — a member's capacity to work.
public enum LabourCapacity: String, Vocabulary {
    case ordinary = "普通劳动力"
    case skilled = "技能劳动力"
    case weak = "弱劳动力或半劳动力"
    case lost = "丧失劳动力"
    case none = "无劳动力"
}
