/// 干部 — a person the responsibility chain holds to account: a cadre of a helping unit (帮扶单位/后盾单位),
/// known across files by phone number (the identifier county offices already keep).
public struct Cadre: Hashable, Sendable, Codable {
    public typealias ID = TypedID<Cadre>
    public var id: ID?
    public var name: String
    /// 联系电话 — 11 digits; unique among cadres.
    public var phone: String
    /// 单位 — the helping unit's name, and its level.
    public var unit: String
    public var unitLevel: UnitLevel
    /// 职务
    public var post: String
    public var rank: CadreRank
    /// The user account the cadre signs in with, if any.
    public var username: String?
    /// 证件号码 — when the county records it: a cadre is on the public payroll, so a benefit paid to them or to their
    /// household is a leak to verify (`OfficialTie`). Unique among cadres.
    public var idNumber: String?

    public init(id: ID? = nil, name: String, phone: String, unit: String, unitLevel: UnitLevel, post: String, rank: CadreRank, username: String? = nil,
                idNumber: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.unit = unit
        self.unitLevel = unitLevel
        self.post = post
        self.rank = rank
        self.username = username
        self.idNumber = idNumber
    }
}
