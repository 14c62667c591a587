/// 识别标准 — the poverty line a household was identified under.
public enum IdentificationStandard: String, Vocabulary {
    case national = "国家标准"
    case provincial = "省定标准"
    case municipal = "市定标准"
}
