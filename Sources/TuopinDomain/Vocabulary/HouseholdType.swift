/// 贫困户属性 — the household's type in the registry (post-2016 names).
public enum HouseholdType: String, Vocabulary {
    case ordinary = "一般贫困户"
    case minimumIncome = "低保贫困户"
    case extremePoverty = "特困供养贫困户"
    /// 五保贫困户 was renamed 特困供养贫困户 in 2016.
    public static var aliases: [String: HouseholdType] { ["五保贫困户": .extremePoverty] }
}
