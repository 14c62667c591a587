/// 行政区划 — an administrative area: province, prefecture, county, township or village.
public struct Area: Hashable, Sendable, Codable {
    public var code: AreaCode
    public var name: String
    public var level: AreaLevel { code.level }
    public var parentCode: AreaCode? { code.parent }

    public init(code: AreaCode, name: String) {
        self.code = code
        self.name = name
    }

    /// A village first met in a registry file is named by its code until someone names it.
    public static func unnamedVillage(_ code: AreaCode) -> Area {
        Area(code: code, name: "村 \(code.value)")
    }
}
