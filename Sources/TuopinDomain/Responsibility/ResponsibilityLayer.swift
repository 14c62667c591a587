/// 责任层级 — one post of a deployment's responsibility chain (五个一, 七层责任 …): who holds it for a village,
/// a township or a household, and the limits the coverage check applies. Loaded from the layers file
/// (docs/RESPONSIBILITY.md).
public struct ResponsibilityLayer: Hashable, Sendable {
    /// Where a post is held.
    public enum Scope: String, Sendable, CaseIterable {
        case village = "村"
        case township = "乡镇"
        case household = "户"
    }

    /// The post's name, e.g. 第一书记, 驻村工作队, 帮扶责任人.
    public var name: String
    public var scope: Scope
    /// Every poor village (for a village post) or poor household (for a household post) must have it.
    public var required: Bool
    /// Fewest holders at once (驻村工作队 ≥ 3).
    public var minimumHolders: Int
    /// Shortest and longest term in years (第一书记 1–3), if the post has one.
    public var termYears: ClosedRange<Int>?
    /// Most households one holder may take (帮扶责任人), and most villages they may be spread over.
    public var maxHouseholds: Int?
    public var maxVillages: Int?

    public init(name: String, scope: Scope, required: Bool, minimumHolders: Int = 1, termYears: ClosedRange<Int>? = nil,
                maxHouseholds: Int? = nil, maxVillages: Int? = nil) {
        self.name = name
        self.scope = scope
        self.required = required
        self.minimumHolders = minimumHolders
        self.termYears = termYears
        self.maxHouseholds = maxHouseholds
        self.maxVillages = maxVillages
    }
}

/// 责任体系 — a named set of layers (五个一 for Sichuan, 七层责任 for Xintian, 基本 elsewhere).
public struct ResponsibilitySet: Hashable, Sendable {
    public var name: String
    public var layers: [ResponsibilityLayer]

    public init(name: String, layers: [ResponsibilityLayer]) {
        self.name = name
        self.layers = layers
    }

    public func layer(_ name: String) -> ResponsibilityLayer? { layers.first { $0.name == name } }
}
