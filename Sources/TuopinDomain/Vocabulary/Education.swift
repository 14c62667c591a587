/// 文化程度 — a member's level of education.
public enum Education: String, Vocabulary {
    case illiterate = "文盲或半文盲"
    case primary = "小学"
    case juniorSecondary = "初中"
    case seniorSecondary = "高中"
    case college = "大专及以上"
    case preschoolChild = "学龄前儿童"
}
