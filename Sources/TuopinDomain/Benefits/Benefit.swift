/// 到户资金 — one payment of a benefit to a person (by ID number), as a department's payment list gives it: the
/// policy, amount, date, paying department and project if any. `household` is the registry household the person
/// belongs to (nil when the ID is not in the registry — kept, and flagged as a leak, never dropped).
public struct Benefit: Sendable, Hashable {
    public typealias ID = TypedID<Benefit>

    public var id: ID?
    public var idNumber: String
    public var name: String
    public var household: Household.ID?
    public var policy: String
    public var amount: Money
    public var date: LocalDate
    public var department: String
    public var project: Project.ID?
    public var county: AreaCode

    public init(id: ID? = nil, idNumber: String, name: String, household: Household.ID?, policy: String, amount: Money, date: LocalDate,
                department: String, project: Project.ID? = nil, county: AreaCode) {
        self.id = id
        self.idNumber = idNumber
        self.name = name
        self.household = household
        self.policy = policy
        self.amount = amount
        self.date = date
        self.department = department
        self.project = project
        self.county = county
    }
}
