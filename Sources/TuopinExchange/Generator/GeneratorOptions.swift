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
    /// 历年数据起始年度 — with a first year, each household has an income for every year from it (or from its
    /// identification) to `year`, and exits are spread over those years as a campaign ran them (nil: one
    /// year's income, exits before `year` only).
    public var firstYear: Int?
    /// 数字脱贫 planted (`GeneratedFabrication`): the share of exiting households given a paper-exit trace (0: none).
    public var fabrication: Double = 0
    /// Keep each household as the benefit and matching checks see it (`RegistryGenerator.Summary.homes`), for
    /// department files written beside the registry (`tuopin generate --departments`).
    public var keepHomes = false

    /// 东兰县, Guangxi: one of the counties in the seed reports.
    public static let defaultCounty = AreaCode("451224")!

    public init(households: Int, seed: UInt64 = 1, county: AreaCode = defaultCounty, year: Int = 2016, errorRate: Double = 0,
                firstYear: Int? = nil) {
        self.households = households
        self.firstYear = firstYear.map { min($0, year) }
        self.seed = seed
        self.county = county
        self.year = year
        self.errorRate = errorRate
    }
}
