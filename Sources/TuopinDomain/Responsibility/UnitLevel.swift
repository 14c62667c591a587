/// 单位隶属关系 — the level a helping unit belongs to (policy-rules §2.4).
public enum UnitLevel: String, Vocabulary {
    case central = "中央"
    case provincial = "省直"
    case prefectural = "市直"
    case county = "县直"
    case township = "乡镇"
    case village = "村级"
    case enterprise = "企业"
    case social = "社会组织"
}
