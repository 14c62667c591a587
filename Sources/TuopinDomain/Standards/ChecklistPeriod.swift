/// The household checklist in force from a year on (until a later period starts).
public struct ChecklistPeriod: Hashable, Sendable, Codable {
    public var fromYear: Int
    public var items: [ChecklistItem]
    public var source: String

    public init(fromYear: Int, items: [ChecklistItem], source: String) {
        self.fromYear = fromYear
        self.items = items
        self.source = source
    }
}
