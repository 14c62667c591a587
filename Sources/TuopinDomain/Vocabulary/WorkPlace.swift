/// 务工状况 — where a member works for wages.
public enum WorkPlace: String, Vocabulary {
    case inTownship = "乡（镇）内务工"
    case inCounty = "乡（镇）外县内务工"
    case inProvince = "县外省内务工"
    case outOfProvince = "省外务工"
    case other = "其他"
    /// Half-width brackets are common in typed files.
    public static var aliases: [String: WorkPlace] {
        ["乡(镇)内务工": .inTownship, "乡(镇)外县内务工": .inCounty]
    }
}
