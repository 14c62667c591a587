import TuopinDomain

/// What the generator wrote for one village: its households and persons, and those that exited each year —
/// what a village file and yearly plans made to match the registry are drawn from.
public struct GeneratedVillage: Sendable, Equatable {
    public var households = 0
    public var persons = 0
    /// Households not exited by the registry's year.
    public var remaining = 0
    public var remainingPersons = 0
    /// Year → (households, persons) that exited in it.
    public var exits: [Int: (households: Int, persons: Int)] = [:]

    public init() {}

    mutating func add(_ h: Household) {
        households += 1
        persons += h.members.count
        if let y = h.exitYear {
            exits[y, default: (0, 0)].households += 1
            exits[y, default: (0, 0)].persons += h.members.count
        } else {
            remaining += 1
            remainingPersons += h.members.count
        }
    }

    public static func == (a: GeneratedVillage, b: GeneratedVillage) -> Bool {
        a.households == b.households && a.persons == b.persons && a.remaining == b.remaining
            && a.exits.mapValues { [$0.households, $0.persons] } == b.exits.mapValues { [$0.households, $0.persons] }
    }
}
