/// 贫困村登记 — what the village test needs of a village: its registered (户籍) population, whether it
/// is a registered poor village (贫困村) and the year it exited (出列). Loaded from a village file.
public struct VillageProfile: Hashable, Sendable {
    public var code: AreaCode
    /// 村名 (nil: keep the name already known).
    public var name: String?
    /// 户籍人口
    public var registeredPopulation: Int
    /// 贫困村
    public var isPoorVillage: Bool
    /// 出列年度 (nil: not exited)
    public var exitYear: Int?

    public init(code: AreaCode, name: String? = nil, registeredPopulation: Int, isPoorVillage: Bool, exitYear: Int? = nil) {
        self.code = code
        self.name = name
        self.registeredPopulation = registeredPopulation
        self.isPoorVillage = isPoorVillage
        self.exitYear = exitYear
    }
}
