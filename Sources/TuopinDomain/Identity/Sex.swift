/// 性别 — sex as the resident ID number encodes it (odd 17th digit: male).
public enum Sex: String, Vocabulary {
    case male = "男"
    case female = "女"
    public static var aliases: [String: Sex] { ["male": .male, "female": .female, "M": .male, "F": .female] }
}
