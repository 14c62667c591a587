import TuopinDomain

/// What `tuopin generate` makes.
public struct GeneratorOptions: Sendable {
    public var households: Int
    public var seed: UInt64
    /// The county (6-digit GB/T 2260 code as a 12-digit area code).
    public var county: AreaCode
    /// The registry's year: incomes are for it, ages are taken at its end.
    public var year: Int
    /// The share of households given one faulty row (0 for none).
    public var errorRate: Double

    /// 东兰县, Guangxi: one of the counties in the seed reports.
    public static let defaultCounty = AreaCode("451224")!

    public init(households: Int, seed: UInt64 = 1, county: AreaCode = defaultCounty, year: Int = 2016, errorRate: Double = 0) {
        self.households = households
        self.seed = seed
        self.county = county
        self.year = year
        self.errorRate = errorRate
    }
}
