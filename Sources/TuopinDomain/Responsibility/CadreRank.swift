/// 职务级别 — a cadre's rank, for duty rules and the load a layer allows.
public enum CadreRank: String, Vocabulary {
    case countyLevel = "县级"
    case sectionLevel = "科级"
    case staff = "一般干部"
    case villageCadre = "村干部"
    case other = "其他"

    public static var aliases: [String: CadreRank] { ["处级": .countyLevel, "副县级": .countyLevel, "副科级": .sectionLevel, "科员": .staff] }
}
