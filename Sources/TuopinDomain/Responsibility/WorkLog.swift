/// 工作日志 — one day of a cadre's work as they record it, once: a visit to a household (走访), a day's work
/// in a village (驻村), a meeting, or approved leave (请假). Days and nights in the village, visits and
/// meetings are counted from these for the duty rules; nothing else (no check-ins, no online time).
public struct WorkLog: Hashable, Sendable {
    public typealias ID = TypedID<WorkLog>

    public enum Kind: String, Vocabulary {
        case visit = "入户走访"
        case villageWork = "在村工作"
        case meeting = "会议"
        case leave = "请假"

        public static var aliases: [String: Kind] { ["走访": .visit, "驻村": .villageWork, "开会": .meeting] }
    }

    public var id: ID?
    public var cadre: Cadre.ID
    public var date: LocalDate
    public var kind: Kind
    /// The village worked in (for leave: the village the cadre is posted to).
    public var village: AreaCode
    /// The household visited (a visit only).
    public var household: Household.ID?
    /// Stayed the night in the village (住村).
    public var stayedNight: Bool
    /// 工作内容, 群众反映, 发现问题, 商定措施 — as written.
    public var content: String
    public var householdSaid: String
    public var problems: String
    public var measures: String
    /// Leave only: approved by whom (乡镇党委 for ≤ 3 days, 县委组织部 longer).
    public var approvedBy: String

    public init(id: ID? = nil, cadre: Cadre.ID, date: LocalDate, kind: Kind, village: AreaCode, household: Household.ID? = nil,
                stayedNight: Bool = false, content: String = "", householdSaid: String = "", problems: String = "", measures: String = "",
                approvedBy: String = "") {
        self.id = id
        self.cadre = cadre
        self.date = date
        self.kind = kind
        self.village = village
        self.household = household
        self.stayedNight = stayedNight
        self.content = content
        self.householdSaid = householdSaid
        self.problems = problems
        self.measures = measures
        self.approvedBy = approvedBy
    }

    /// A day in the village: work there or a visit there (leave and meetings elsewhere are not).
    public var isDayInVillage: Bool { kind == .visit || kind == .villageWork }
}
