/// 家庭成员 — a member of a registered household.
public struct Member: Hashable, Sendable, Codable {
    /// 姓名
    public var name: String
    /// 证件号码: birth date and sex come from it.
    public var id: ResidentID
    /// 与户主关系
    public var relation: Relation
    /// 民族
    public var ethnicity: Ethnicity?
    /// 文化程度
    public var education: Education?
    /// 在校生状况
    public var schooling: Schooling?
    /// 义务教育豁免 — certified as physically unable to study.
    public var educationExempt: Bool?
    /// 健康状况
    public var health: Health?
    /// 劳动技能
    public var labour: LabourCapacity?
    /// 务工状况
    public var workPlace: WorkPlace?
    /// 务工时间 (months, 0–12)
    public var workMonths: Int?
    /// 基本医疗保险
    public var medicalInsurance: Bool?
    /// 基本养老保险
    public var pensionInsurance: Bool?

    public var sex: Sex { id.sex }
    public var birthDate: LocalDate { id.birthDate }

    public init(name: String, id: ResidentID, relation: Relation, ethnicity: Ethnicity? = nil,
                education: Education? = nil, schooling: Schooling? = nil, educationExempt: Bool? = nil,
                health: Health? = nil, labour: LabourCapacity? = nil, workPlace: WorkPlace? = nil,
                workMonths: Int? = nil, medicalInsurance: Bool? = nil, pensionInsurance: Bool? = nil) {
        self.name = name
        self.id = id
        self.relation = relation
        self.ethnicity = ethnicity
        self.education = education
        self.schooling = schooling
        self.educationExempt = educationExempt
        self.health = health
        self.labour = labour
        self.workPlace = workPlace
        self.workMonths = workMonths
        self.medicalInsurance = medicalInsurance
        self.pensionInsurance = pensionInsurance
    }
}
