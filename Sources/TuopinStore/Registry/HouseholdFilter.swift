import TuopinDomain

/// What a household list is narrowed to: an area, a search text (name, ID number or 户编号),
/// a status, a household type, a cause.
public struct HouseholdFilter: Sendable, Equatable {
    public var area: AreaCode?
    public var search: String?
    public var status: HouseholdStatus?
    public var type: HouseholdType?
    public var cause: PovertyCause?
    /// 脱贫年度: the households that exited in this year.
    public var exitYear: Int?

    public init(area: AreaCode? = nil, search: String? = nil, status: HouseholdStatus? = nil,
                type: HouseholdType? = nil, cause: PovertyCause? = nil, exitYear: Int? = nil) {
        self.exitYear = exitYear
        self.area = area
        let s = search?.trimmingCharacters(in: .whitespaces)
        self.search = (s?.isEmpty ?? true) ? nil : s
        self.status = status
        self.type = type
        self.cause = cause
    }
}

/// One page of a list.
public struct Page<Item: Sendable & Codable>: Sendable, Codable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var perPage: Int
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }

    public init(items: [Item], total: Int, page: Int, perPage: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.perPage = perPage
    }
}

/// A household as a list shows it.
public struct HouseholdSummary: Sendable, Codable, Equatable {
    public var id: Household.ID
    public var number: String
    public var villageCode: String
    public var villageName: String?
    public var headName: String?
    public var headIDNumber: String?
    public var memberCount: Int
    public var status: String
    public var type: String
    public var mainCause: String
    public var exitYear: Int?
}
