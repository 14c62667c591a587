/// 行政区划层级 — a level of the administrative hierarchy.
public enum AreaLevel: Int, Comparable, CaseIterable, Sendable, Codable {
    case province = 1, prefecture, county, township, village

    /// 省, 市, 县, 乡镇, 村 as officials say them.
    public var label: String {
        switch self {
        case .province: "省"
        case .prefecture: "市（州）"
        case .county: "县（市、区）"
        case .township: "乡（镇）"
        case .village: "村"
        }
    }

    public var key: String {
        switch self {
        case .province: "province"
        case .prefecture: "prefecture"
        case .county: "county"
        case .township: "township"
        case .village: "village"
        }
    }

    /// Digits of the code that are significant at this level: 2, 4, 6, 9, 12.
    public var prefixLength: Int {
        switch self {
        case .province: 2
        case .prefecture: 4
        case .county: 6
        case .township: 9
        case .village: 12
        }
    }

    public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
