/// 结对帮扶 — a cadre paired with a household as its 帮扶责任人 from a start date; a change of helper ends
/// the old pairing (with the reason) and starts a new one, so the household's helpers stay on record.
public struct Pairing: Hashable, Sendable {
    public typealias ID = TypedID<Pairing>
    public var id: ID?
    public var cadre: Cadre.ID
    public var household: Household.ID
    public var village: AreaCode
    public var start: LocalDate
    public var end: LocalDate?
    /// Why the pairing began or ended (e.g. 干部调动).
    public var reason: String

    public init(id: ID? = nil, cadre: Cadre.ID, household: Household.ID, village: AreaCode, start: LocalDate, end: LocalDate? = nil, reason: String = "") {
        self.id = id
        self.cadre = cadre
        self.household = household
        self.village = village
        self.start = start
        self.end = end
        self.reason = reason
    }

    public func holds(on date: LocalDate) -> Bool { start <= date && (end.map { date <= $0 } ?? true) }
    public func overlaps(_ from: LocalDate, _ to: LocalDate) -> Bool { start <= to && (end.map { $0 >= from } ?? true) }
}
