/// 人口底数 — what the roster and the register say about a county's population, for the rates that need more
/// than the sample: the official 漏评率 divides by the non-registered persons of the sampled villages, and
/// 综合贫困发生率 by the rural population (policy-rules §4.1).
public struct EvaluationPopulation: Sendable, Hashable {
    /// Persons of 卡外户 by village, from the roster.
    public var outsideByVillage: [AreaCode: Int]
    /// Registered persons still poor at the end of the evaluation's year, and those exited by then.
    public var remainingPoor: Int
    public var exited: Int
    /// Everyone on the roster (乡村户籍总人口).
    public var rural: Int

    public init(outsideByVillage: [AreaCode: Int], remainingPoor: Int, exited: Int, rural: Int) {
        self.outsideByVillage = outsideByVillage
        self.remainingPoor = remainingPoor
        self.exited = exited
        self.rural = rural
    }

    public var outside: Int { outsideByVillage.values.reduce(0, +) }

    /// 综合贫困发生率 = (剩余贫困人口 + 漏评率 × 非建档立卡人口 + 错退率 × 脱贫人口) ÷ 乡村户籍总人口: plain from
    /// the plain rates; weighted from the weighted rates, its standard error from theirs (the exited and the
    /// non-registered samples are taken as independent). Nil without a roster.
    public func incidence(wrongExit: RatioEstimate, missed: RatioEstimate) -> RatioEstimate? {
        guard rural > 0 else { return nil }
        let n = Double(rural)
        func poor(_ w: Double?, _ m: Double?) -> Double? {
            guard let w, let m else { return nil }
            return Double(remainingPoor) + m * Double(outside) + w * Double(exited)
        }
        let plainPoor = poor(wrongExit.plain, missed.plain)
        let weighted = poor(wrongExit.weighted, missed.weighted).map { $0 / n }
        let se: Double? = {
            guard let a = wrongExit.standardError, let b = missed.standardError else { return nil }
            let e = Double(exited) * a, o = Double(outside) * b
            return (e * e + o * o).squareRoot() / n
        }()
        return RatioEstimate(units: wrongExit.units + missed.units, events: plainPoor ?? 0, base: n, plain: plainPoor.map { $0 / n },
                             weighted: weighted, standardError: weighted == nil ? nil : se)
    }
}
