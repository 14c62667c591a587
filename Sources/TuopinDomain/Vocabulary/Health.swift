/// 健康状况 — a member's health.
public enum Health: String, Vocabulary {
    case healthy = "健康"
    case chronicIllness = "长期慢性病"
    case seriousIllness = "患有大病"
    case disabled = "残疾"
}
