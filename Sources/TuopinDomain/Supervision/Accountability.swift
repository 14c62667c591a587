/// 问责 — an action taken against a unit or person (or, on the positive side, a commendation), the rule it
/// rests on, and the problems it concerns; shown on the problem's and the person's pages and in the bulletin.
public struct Accountability: Hashable, Sendable {
    public typealias ID = TypedID<Accountability>

    /// 问责方式, mildest first; 表彰 is the positive side.
    public enum Action: String, Vocabulary {
        case talk = "约谈"
        case notice = "通报批评"
        case admonish = "诫勉谈话"
        case suspend = "停职"
        case dismiss = "免职"
        case discipline = "党纪政务处分"
        case commend = "表彰"
    }

    /// 问责依据
    public enum Basis: String, Vocabulary {
        case overdue = "整改逾期"
        case returned = "整改不到位"
        case duty = "履职不达标（缺勤）"
        case wrongExit = "错退、数字脱贫"
        case misreport = "数据造假"
        case merit = "成效突出"
        case other = "其他"
    }

    public var id: ID?
    public var action: Action
    public var basis: Basis
    /// The unit held to account, and the person if one is (then `cadre` when they are in the chain).
    public var unit: String
    public var person: String
    public var cadre: Cadre.ID?
    public var date: LocalDate
    public var note: String
    public var problems: [Problem.ID]
    public var area: AreaCode

    public init(id: ID? = nil, action: Action, basis: Basis, unit: String, person: String = "", cadre: Cadre.ID? = nil, date: LocalDate,
                note: String, problems: [Problem.ID], area: AreaCode) {
        self.id = id
        self.action = action
        self.basis = basis
        self.unit = unit
        self.person = person
        self.cadre = cadre
        self.date = date
        self.note = note
        self.problems = problems
        self.area = area
    }
}
