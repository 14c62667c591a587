/// 在校生状况 — whether and where a member is at school.
public enum Schooling: String, Vocabulary {
    case notInSchool = "非在校生"
    case preschool = "学前教育"
    case primary = "小学"
    case grade7 = "七年级"
    case grade8 = "八年级"
    case grade9 = "九年级"
    case seniorSecondary = "高中"
    case secondaryVocational = "中职"
    case higherVocational = "高职"
    case college = "大专及以上"
    /// 送教上门 — taught at home by visiting teachers (certified unable to attend school).
    case homeTeaching = "送教上门"
}
