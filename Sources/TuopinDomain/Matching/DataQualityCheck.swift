/// 数据质量 — validation rules over one household's own registry record, as DHIS2 has validation rules (issue #17
/// item 6; policy-rules §7.2 数据打架): a 户主 too young, a schooling stage the member's age does not fit, a
/// relation the ages contradict (a 之子 older than the head), wage income in a household with no one able to
/// work, a 危房改造 mark on a house not graded C or D. Ages are taken on 1 September of the household's latest
/// recorded year (its latest income year, else its exit or identification year), so an old record is judged as
/// it was written. The same person in two counties' registries is refused at the door within one database (one
/// person, one household: an import naming a person registered elsewhere is refused with the other household
/// named) and reported against another deployment's registry file (`registeredElsewhere`); income components that
/// do not add up to the declared 人均纯收入 are refused at import and in the household form.
public enum DataQualityCheck {
    public enum Rule: String, CaseIterable, Sendable, Hashable {
        case youngHead = "户主年龄过小"
        case schoolAge = "在校年级与年龄不符"
        case generation = "与户主关系与年龄不符"
        case wageWithoutLabour = "无劳动力却有工资性收入"
        case housing = "住房等级与危房改造不符"
        /// Found only when another county's registry file is given (`registeredElsewhere`).
        case elsewhere = "同一人登记在两个县"
    }

    /// A person of another county's registry (a file from another deployment): the household that holds them there.
    public struct Elsewhere: Sendable, Hashable {
        public var number: String
        public var village: AreaCode
        /// The file it came from, as the user named it.
        public var source: String

        public init(number: String, village: AreaCode, source: String) {
            self.number = number
            self.village = village
            self.source = source
        }
    }

    /// 一人多地登记 — each member of `h` whose ID number another county's registry also holds (by ID number, in a
    /// household of another county). The same county's file is not another registry: a household number that
    /// differs there is the importer's concern.
    public static func registeredElsewhere(_ id: Household.ID, _ h: Household, in other: [String: Elsewhere]) -> [Finding] {
        guard !other.isEmpty else { return [] }
        let county = h.villageCode.ancestor(at: .county)
        return h.members.compactMap { m in
            guard let e = other[m.id.number], e.village.ancestor(at: .county) != county else { return nil }
            return Finding(household: id, number: h.number, village: h.villageCode, rule: .elsewhere, member: m.name,
                           explanation: "成员\(m.name)（\(m.id.number)）同时登记在\(e.source)的户编号\(e.number)（村代码\(e.village.value)）")
        }
    }

    public struct Thresholds: Sendable, Hashable {
        /// A head younger than this.
        public var minHeadAge: Int
        /// The ages (on 1 September) that fit each stage of schooling.
        public var schoolAges: [Schooling: ClosedRange<Int>]
        /// A child this many years younger than the head at least, a parent this many older.
        public var generationGap: Int

        public init(minHeadAge: Int = 16, generationGap: Int = 12,
                    schoolAges: [Schooling: ClosedRange<Int>] = [.preschool: 2...7, .primary: 5...16, .grade7: 10...19, .grade8: 10...19,
                                                                 .grade9: 10...20, .seniorSecondary: 13...24, .secondaryVocational: 13...26,
                                                                 .higherVocational: 16...35, .college: 16...40]) {
            self.minHeadAge = minHeadAge
            self.schoolAges = schoolAges
            self.generationGap = generationGap
        }
    }

    public struct Finding: Sendable, Hashable {
        public var household: Household.ID
        public var number: String
        public var village: AreaCode
        public var rule: Rule
        /// The member concerned (name), or "" for the household.
        public var member: String
        public var explanation: String

        public init(household: Household.ID, number: String, village: AreaCode, rule: Rule, member: String, explanation: String) {
            self.household = household
            self.number = number
            self.village = village
            self.rule = rule
            self.member = member
            self.explanation = explanation
        }
    }

    static let children: Set<Relation> = [.son, .daughter, .daughterInLaw, .sonInLaw]
    static let grandchildren: Set<Relation> = [.grandson, .granddaughter, .daughtersSon, .daughtersDaughter]
    static let parents: Set<Relation> = [.father, .mother, .wifesFather, .wifesMother, .husbandsFather, .husbandsMother]

    /// The year a household's record speaks for.
    public static func referenceYear(_ h: Household) -> Int {
        h.incomes.map(\.year).max() ?? h.exitYear ?? h.identifiedYear
    }

    public static func evaluate(_ id: Household.ID, _ h: Household, thresholds t: Thresholds = Thresholds()) -> [Finding] {
        let year = referenceYear(h)
        let day = LocalDate(year: year, month: 9, day: 1)!
        var found: [Finding] = []
        func add(_ rule: Rule, _ member: String, _ text: String) {
            found.append(Finding(household: id, number: h.number, village: h.villageCode, rule: rule, member: member, explanation: text))
        }
        let head = h.members.first { $0.relation == .head }
        let headAge = head.map { $0.id.birthDate.age(on: day) }
        for m in h.members {
            let age = m.id.birthDate.age(on: day)
            if m.relation == .head, age < t.minHeadAge {
                add(.youngHead, m.name, "户主\(m.name)（\(m.id.number)）\(year)年\(age)岁，低于\(t.minHeadAge)岁")
            }
            if let s = m.schooling, let fits = t.schoolAges[s], !fits.contains(age) {
                add(.schoolAge, m.name, "成员\(m.name)\(year)年\(age)岁，登记为\(s.rawValue)在读（该学段通常\(fits.lowerBound)–\(fits.upperBound)岁）")
            }
            if let headAge {
                let r = m.relation
                if children.contains(r), age > headAge - t.generationGap {
                    add(.generation, m.name, "成员\(m.name)与户主关系为\(r.rawValue)，\(age)岁，户主\(headAge)岁，相差不足\(t.generationGap)岁")
                } else if grandchildren.contains(r), age > headAge - 2 * t.generationGap {
                    add(.generation, m.name, "成员\(m.name)与户主关系为\(r.rawValue)，\(age)岁，户主\(headAge)岁，相差不足\(2 * t.generationGap)岁")
                } else if parents.contains(r), age < headAge + t.generationGap {
                    add(.generation, m.name, "成员\(m.name)与户主关系为\(r.rawValue)，\(age)岁，户主\(headAge)岁，长不足\(t.generationGap)岁")
                }
            }
        }
        if let income = h.income(for: year), let wage = income.wage, wage.fen > 0, !h.members.isEmpty,
           h.members.allSatisfy({ $0.labour == .lost || $0.labour == LabourCapacity.none }) {
            add(.wageWithoutLabour, "", "\(year)年工资性收入\(wage.compactYuan)元，但全户\(h.members.count)人均登记为丧失劳动力或无劳动力")
        }
        if let resolved = h.housingResolved {
            switch h.housingGrade {
            case .a?, .b?:
                add(.housing, "", "住房安全等级为\(h.housingGrade!.rawValue)级，却登记了危房改造（\(resolved ? "已改造或搬迁" : "未改造")）；该项只适用于C、D级危房")
            case nil:
                add(.housing, "", "未评定住房安全等级，却登记了危房改造（\(resolved ? "已改造或搬迁" : "未改造")）")
            default: break
            }
        }
        return found
    }
}
