/// 任职 — a cadre holding a post of the chain for an area (a village or township; a household post is a
/// `Pairing`) from a start date to an end date; history is kept, never overwritten.
public struct Assignment: Hashable, Sendable {
    public typealias ID = TypedID<Assignment>
    public var id: ID?
    public var cadre: Cadre.ID
    public var layer: String
    public var area: AreaCode
    public var start: LocalDate
    /// nil: still in post.
    public var end: LocalDate?

    public init(id: ID? = nil, cadre: Cadre.ID, layer: String, area: AreaCode, start: LocalDate, end: LocalDate? = nil) {
        self.id = id
        self.cadre = cadre
        self.layer = layer
        self.area = area
        self.start = start
        self.end = end
    }

    /// In post on `date`.
    public func holds(on date: LocalDate) -> Bool { start <= date && (end.map { date <= $0 } ?? true) }

    /// In post on any day between `from` and `to`.
    public func overlaps(_ from: LocalDate, _ to: LocalDate) -> Bool { start <= to && (end.map { $0 >= from } ?? true) }
}
