/// 贫困户 — a registered poor household (建档立卡户) with its members and yearly incomes.
public struct Household: Hashable, Sendable, Codable {
    /// 户编号 — identifies the household within its county (at most 32 characters).
    public var number: String
    /// 村代码
    public var villageCode: AreaCode
    /// 贫困户属性
    public var type: HouseholdType
    /// 识别标准
    public var standard: IdentificationStandard
    /// 主要致贫原因
    public var mainCause: PovertyCause
    /// 其他致贫原因 (at most two)
    public var otherCauses: [PovertyCause]
    /// 识别年度
    public var identifiedYear: Int
    /// 脱贫年度 (nil: not exited)
    public var exitYear: Int?
    /// 住房安全等级 (nil: not appraised)
    public var housingGrade: HousingGrade?
    /// 危房已改造或已搬迁
    public var housingResolved: Bool?
    /// 不愁吃
    public var foodSecure: Bool?
    /// 不愁穿
    public var clothingSecure: Bool?
    /// 饮水安全
    public var waterSafe: Bool?
    /// 联系电话
    public var phone: String?
    /// 通生活用电 — checked where a province's standard adds it (Sichuan 一超六有).
    public var powerSupplied: Bool?
    /// 通广播电视 — checked where a province's standard adds it (Sichuan 一超六有).
    public var broadcastReception: Bool?
    public var members: [Member]
    /// One record per year, ascending.
    public var incomes: [HouseholdIncome]

    public init(number: String, villageCode: AreaCode, type: HouseholdType, standard: IdentificationStandard = .national,
                mainCause: PovertyCause, otherCauses: [PovertyCause] = [], identifiedYear: Int, exitYear: Int? = nil,
                housingGrade: HousingGrade? = nil, housingResolved: Bool? = nil, foodSecure: Bool? = nil,
                clothingSecure: Bool? = nil, waterSafe: Bool? = nil, phone: String? = nil,
                powerSupplied: Bool? = nil, broadcastReception: Bool? = nil, members: [Member] = [], incomes: [HouseholdIncome] = []) {
        self.number = number
        self.villageCode = villageCode
        self.type = type
        self.standard = standard
        self.mainCause = mainCause
        self.otherCauses = otherCauses
        self.identifiedYear = identifiedYear
        self.exitYear = exitYear
        self.housingGrade = housingGrade
        self.housingResolved = housingResolved
        self.foodSecure = foodSecure
        self.clothingSecure = clothingSecure
        self.waterSafe = waterSafe
        self.phone = phone
        self.powerSupplied = powerSupplied
        self.broadcastReception = broadcastReception
        self.members = members
        self.incomes = incomes
    }

    public var status: HouseholdStatus { .from(exitYear: exitYear) }
    public var head: Member? { members.first { $0.relation == .head } }

    /// The income record for a year, if one was kept.
    public func income(for year: Int) -> HouseholdIncome? { incomes.first { $0.year == year } }

    /// 人均纯收入 for a year.
    public func perCapitaIncome(for year: Int) -> Money? {
        income(for: year)?.perCapita(memberCount: members.count)
    }

    /// Sets the income for its year, replacing one already kept for that year.
    public mutating func record(_ income: HouseholdIncome) {
        incomes.removeAll { $0.year == income.year }
        incomes.append(income)
        incomes.sort { $0.year < $1.year }
    }
}
