/// A rate limit with its source: below (or, for a floor, at least) the general figure, with another
/// figure for the western provinces where the rule has one (贫困发生率 < 2%, < 3% in the west).
public struct RateThreshold: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The rate must stay below the limit (贫困发生率, 错退率, 漏评率).
        case below
        /// The rate must reach the limit (群众认可度).
        case atLeast
    }

    public var kind: Kind
    public var general: Percent
    public var western: Percent?
    public var source: String

    public init(kind: Kind, general: Percent, western: Percent? = nil, source: String) {
        self.kind = kind
        self.general = general
        self.western = western
        self.source = source
    }

    public func limit(western isWestern: Bool) -> Percent { isWestern ? (western ?? general) : general }

    public func isMet(by rate: Percent, western isWestern: Bool) -> Bool {
        switch kind {
        case .below: rate < limit(western: isWestern)
        case .atLeast: rate >= limit(western: isWestern)
        }
    }

    /// "< 2%" or "≥ 90%".
    public func describe(western isWestern: Bool) -> String {
        (kind == .below ? "< " : "≥ ") + limit(western: isWestern).description
    }
}
