/// 贫困发生率 — poor persons not exited ÷ registered (户籍) population, against the exit threshold of the
/// area's province (2%, 3% in the west; policy-rules §1.3, §1.4). Used for villages and, summed over
/// their villages, for townships and counties.
public struct IncidenceIndicator: Hashable, Sendable {
    public var area: AreaCode
    /// 建档立卡人口 — persons in registered households.
    public var registeredPoor: Int
    /// 未脱贫人口 — persons in households not exited by the end of the year.
    public var poorRemaining: Int
    /// 户籍人口 (nil: not loaded).
    public var population: Int?
    public var threshold: RateThreshold
    public var western: Bool

    public init(area: AreaCode, registeredPoor: Int, poorRemaining: Int, population: Int?, threshold: RateThreshold, western: Bool) {
        self.area = area
        self.registeredPoor = registeredPoor
        self.poorRemaining = poorRemaining
        self.population = population
        self.threshold = threshold
        self.western = western
    }

    /// Nil when the population is unknown or zero.
    public var incidence: Percent? { population.flatMap { Percent.ratio(poorRemaining, of: $0) } }

    /// Nil when it cannot be judged (no population).
    public var isMet: Bool? { incidence.map { threshold.isMet(by: $0, western: western) } }

    /// "1.25% < 3%" or "户籍人口未录入".
    public var text: String {
        guard let incidence else { return "户籍人口未录入，无法计算" }
        return "\(incidence) \(isMet == true ? "" : "未")达到 \(threshold.describe(western: western))"
    }
}
