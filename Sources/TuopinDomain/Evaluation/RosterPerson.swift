/// 户籍人口名单 — one person of a county's rural household-registration roster (公安户籍): the whole rural
/// population, registered poor or not. A roster household (户号) none of whose persons is on the poverty
/// register is a 卡外户, the stratum in which an evaluation looks for 漏评; the roster's persons are a village's
/// 户籍人口 where no figure was given (issue #18 item 1).
public struct RosterPerson: Sendable, Hashable {
    /// 户号 — the household-registration number, unique within the county.
    public var householdNumber: String
    public var idNumber: String
    public var name: String
    public var relation: Relation
    public var sex: Sex
    public var birth: LocalDate
    public var village: AreaCode

    public init(householdNumber: String, idNumber: String, name: String, relation: Relation, sex: Sex, birth: LocalDate, village: AreaCode) {
        self.householdNumber = householdNumber
        self.idNumber = idNumber
        self.name = name
        self.relation = relation
        self.sex = sex
        self.birth = birth
        self.village = village
    }

    /// The roster file's header (docs/ROSTER.md).
    public static let header = ["户号", "证件号码", "姓名", "与户主关系", "性别", "出生日期", "村代码"]
}
