/// 数据范围 — which part of the registry a user may see, enforced by every store query.
public enum AccessScope: Hashable, Sendable {
    /// The whole registry (administrators).
    case everything
    /// One area and everything under it.
    case area(AreaCode)
    /// Nothing yet (a cadre before pairings exist, an evaluator before sampling exists).
    case nothing

    /// The scope of a user: by role and attached area. Rule from issue #3 (roles and area scope).
    public static func of(role: Role, area: AreaCode?) -> AccessScope {
        switch role {
        case .administrator: return area.map(AccessScope.area) ?? .everything
        case .cadre, .evaluator: return .nothing
        case .countyOffice, .townshipStation, .villageTeam, .inspector, .leader:
            return area.map(AccessScope.area) ?? .nothing
        }
    }

    /// What a request for `requested` (nil: everything) may cover under this scope.
    public func narrow(_ requested: AreaCode?) -> Visibility {
        switch self {
        case .nothing: return .nothing
        case .everything: return requested.map(Visibility.area) ?? .everything
        case .area(let mine):
            guard let r = requested else { return .area(mine) }
            if mine.contains(r) { return .area(r) }
            if r.contains(mine) { return .area(mine) }
            return .nothing
        }
    }

    /// Whether a record in `area` is visible.
    public func includes(_ area: AreaCode) -> Bool {
        switch self {
        case .everything: true
        case .nothing: false
        case .area(let mine): mine.contains(area)
        }
    }

    public enum Visibility: Hashable, Sendable {
        case everything
        case area(AreaCode)
        case nothing
    }
}
