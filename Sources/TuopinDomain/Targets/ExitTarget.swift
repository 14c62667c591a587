/// 年度减贫计划（挂图作战）— the exits an area plans for a year: households, persons and poor villages,
/// and for a county its own planned exit year (摘帽年度). Set by the county office, per county,
/// township or village.
public struct ExitTarget: Hashable, Sendable, Codable {
    public var area: AreaCode
    public var year: Int
    /// 计划脱贫户数
    public var households: Int
    /// 计划脱贫人数
    public var persons: Int
    /// 计划出列村数 (nil: none planned or not set)
    public var villages: Int?
    /// 计划摘帽年度 — only on a county's row.
    public var countyExitYear: Int?

    public init(area: AreaCode, year: Int, households: Int, persons: Int, villages: Int? = nil, countyExitYear: Int? = nil) {
        self.area = area
        self.year = year
        self.households = households
        self.persons = persons
        self.villages = villages
        self.countyExitYear = countyExitYear
    }

    /// The plan's fields by Chinese name, for the audit trail and change views.
    public var fields: [String: String] {
        ["计划脱贫户数": String(households), "计划脱贫人数": String(persons), "计划出列村数": villages.map(String.init) ?? "",
         "计划摘帽年度": countyExitYear.map(String.init) ?? ""]
    }
}
