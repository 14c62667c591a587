import Foundation

/// 比率估计 — a rate from a stratified cluster sample: the plain ratio the official formula defines (Σy ÷ Σx
/// over the sample) and the design-weighted ratio Σwy ÷ Σwx (w = 1 ÷ selection probability) with its standard
/// error by Taylor linearisation, villages as clusters within strata (poor and non-poor villages), with-replacement
/// approximation — what R's `survey::svyratio` gives for `svydesign(ids = ~village, strata = ~villageType,
/// weights = ~w)`. A stratum with a single village adds no variance (R's `survey.lonely.psu = "certainty"`).
/// The 95% interval is R̂ ± 1.96·SE, kept within [0, 1]. docs/EVALUATION.md gives the formulas.
public struct RatioEstimate: Sendable, Hashable {
    /// One sampled unit: its stratum, its cluster, its weight, and the two quantities.
    public struct Unit: Sendable, Hashable {
        public var stratum: String
        public var cluster: String
        public var weight: Double
        public var y: Double
        public var x: Double
        public init(stratum: String, cluster: String, weight: Double, y: Double, x: Double) {
            self.stratum = stratum
            self.cluster = cluster
            self.weight = weight
            self.y = y
            self.x = x
        }
    }

    /// How many units, and Σy, Σx unweighted.
    public var units: Int
    public var events: Double
    public var base: Double
    public var plain: Double?
    public var weighted: Double?
    public var standardError: Double?

    /// An estimate put together from its parts (one derived from other estimates).
    public init(units: Int, events: Double, base: Double, plain: Double?, weighted: Double?, standardError: Double?) {
        self.units = units
        self.events = events
        self.base = base
        self.plain = plain
        self.weighted = weighted
        self.standardError = standardError
    }

    /// The same estimate with the plain ratio taken over another base: the official 漏评率 divides the missed
    /// persons found by all non-registered persons of the sampled villages, not by those interviewed.
    public func over(base official: Double) -> RatioEstimate {
        var copy = self
        copy.base = official
        copy.plain = official > 0 ? events / official : nil
        return copy
    }

    public init(_ sample: [Unit]) {
        units = sample.count
        events = sample.reduce(0) { $0 + $1.y }
        base = sample.reduce(0) { $0 + $1.x }
        plain = base > 0 ? events / base : nil
        let wx = sample.reduce(0) { $0 + $1.weight * $1.x }
        let wy = sample.reduce(0) { $0 + $1.weight * $1.y }
        guard wx > 0 else { weighted = nil; standardError = nil; return }
        let r = wy / wx
        weighted = r
        // Linearised values summed by cluster, then their spread within each stratum.
        var clusters: [String: [String: Double]] = [:]
        for u in sample { clusters[u.stratum, default: [:]][u.cluster, default: 0] += u.weight * (u.y - r * u.x) / wx }
        var variance = 0.0
        for (_, totals) in clusters where totals.count > 1 {
            let n = Double(totals.count)
            let mean = totals.values.reduce(0, +) / n
            variance += n / (n - 1) * totals.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        }
        standardError = variance.squareRoot()
    }

    /// The 95% interval of the weighted estimate.
    public var interval: ClosedRange<Double>? {
        guard let r = weighted, let se = standardError else { return nil }
        return max(0, r - 1.96 * se)...min(1, r + 1.96 * se)
    }

    /// The chance, on the normal approximation, that the true rate lies above `threshold` (for a rate that
    /// must stay under it) — or below it (`above: false`, for one that must reach it).
    public func chance(beyond threshold: Double, above: Bool = true) -> Double? {
        guard let r = weighted, let se = standardError else { return nil }
        guard se > 0 else { return above ? (r > threshold ? 1 : 0) : (r < threshold ? 1 : 0) }
        let z = (threshold - r) / se
        let below = 0.5 * erfc(-z / 2.0.squareRoot())
        return above ? 1 - below : below
    }
}
