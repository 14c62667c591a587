import TuopinDomain

/// Households and persons of an area, by status and by household type.
public struct AreaCounts: Sendable, Codable, Equatable {
    public var households = 0
    public var persons = 0
    public var householdsByStatus: [String: Int] = [:]
    public var personsByStatus: [String: Int] = [:]
    public var householdsByType: [String: Int] = [:]

    public init() {}

    mutating func add(status: String, type: String, households h: Int, persons p: Int) {
        households += h
        persons += p
        householdsByStatus[status, default: 0] += h
        personsByStatus[status, default: 0] += p
        householdsByType[type, default: 0] += h
    }

    public func households(_ status: HouseholdStatus) -> Int { householdsByStatus[status.rawValue] ?? 0 }
    public func persons(_ status: HouseholdStatus) -> Int { personsByStatus[status.rawValue] ?? 0 }
    public func households(_ type: HouseholdType) -> Int { householdsByType[type.rawValue] ?? 0 }
}

/// An area with its counts and, for a tree, the areas under it that hold households.
public struct AreaNode: Sendable, Codable {
    public var area: Area
    public var counts: AreaCounts
    public var children: [AreaNode]

    public init(area: Area, counts: AreaCounts, children: [AreaNode] = []) {
        self.area = area
        self.counts = counts
        self.children = children
    }
}
