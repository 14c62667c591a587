/// 审批流程 — which levels must approve each kind of change, bottom up. A change made at a level is
/// approved by every listed level above it, in order; a change made at or above the top listed level
/// takes effect at once. Default for every kind: the township, then the county (village → township →
/// county, issue #3); a deployment may configure other routes per kind.
public struct ApprovalPolicy: Sendable, Equatable {
    public var routes: [ChangeKind: [AreaLevel]]

    public init(routes: [ChangeKind: [AreaLevel]] = [:]) {
        var all: [ChangeKind: [AreaLevel]] = [:]
        for kind in ChangeKind.allCases { all[kind] = (routes[kind] ?? [.township, .county]).sorted(by: >) }
        self.routes = all
    }

    public static let standard = ApprovalPolicy()

    /// The levels that must approve, in order, a change of `kind` made by someone at `level`.
    public func steps(for kind: ChangeKind, madeAt level: AreaLevel) -> [AreaLevel] {
        (routes[kind] ?? []).filter { $0 < level }
    }
}
