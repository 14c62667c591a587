import Foundation
/// 民族 — one of the 56 officially recognised ethnic groups, or 其他.
public struct Ethnicity: Hashable, Sendable, Codable, RawRepresentable {
    public let rawValue: String
    public init?(rawValue: String) {
        guard Ethnicity.names.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Reads a name; the bare name without 族 is accepted (汉 → 汉族).
    public static func parse(_ text: String) -> Ethnicity? {
        let t = text.trimmedCell
        return Ethnicity(rawValue: t) ?? Ethnicity(rawValue: t + "族")
    }

    public static let han = Ethnicity(rawValue: "汉族")!

    /// The official list (GB/T 3304) in its usual order, and 其他.
    public static let ordered: [String] = [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
        "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
        "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
        "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
        "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他",
    ]
    static let names = Set(ordered)
}
