/// 抽样层 — the three kinds of household an evaluation samples in each village: exited registered households
/// (脱贫户, for 错退), still-poor registered households (未脱贫户) and households not on the register (卡外户,
/// for 漏评, from the household-registration roster).
public enum EvaluationStratum: String, Vocabulary {
    case exited = "脱贫户"
    case poor = "未脱贫户"
    case nonRegistered = "卡外户"
}
