@testable import TuopinDomain

/// A small standards file and households for the exit-test tables.
enum ExitTestFixtures {
    static let standardsText = """
        poverty_line | 2016 | 2952 | confirmed | NBS
        poverty_line | 2017 | 2952 | unconfirmed | commonly cited
        checklist | 2014 | income,food,clothing,education,medical,housing,water | 2016 意见
        overlay | 51 | 四川省 | 一超六有 | electricity,broadcast | 四川
        western | 15,45,50,51,52,53,54,61,62,63,64,65 | 西部
        village_incidence | below | 2 | 3 | 2016 意见
        county_incidence | below | 2 | 3 | 2016 意见
        wrong_exit_rate | below | 2 | - | 瞭望
        missed_rate | below | 2 | - | 瞭望
        recognition_rate | at_least | 90 | - | 瞭望
        posting_days | 7 | local
        monitoring | 1.5 | 30 | 2020 意见
        """

    static let standard: StandardSet = try! StandardsFile.parse(standardsText).get()

    static let village = AreaCode("451224100201")!

    static func member(_ name: String, born: LocalDate, relation: Relation = .son, schooling: Schooling? = .notInSchool,
                       exempt: Bool? = nil, insured: Bool? = true, n: Int = 1) -> Member {
        Member(name: name, id: ResidentID.make(region: "451224", birth: born, sequence: n), relation: relation,
               schooling: schooling, educationExempt: exempt, medicalInsurance: insured)
    }

    /// A household of three that meets every item in 2016 (per-capita income 4,666.67 元; 3,500 元 with a fourth member).
    static func household(village: AreaCode = village) -> Household {
        Household(number: "H1", villageCode: village, type: .ordinary, mainCause: .illness, identifiedYear: 2014,
                  housingGrade: .b, foodSecure: true, clothingSecure: true, waterSafe: true,
                  members: [member("韦国强", born: LocalDate(year: 1975, month: 3, day: 8)!, relation: .head, n: 11),
                            member("黄秀英", born: LocalDate(year: 1977, month: 11, day: 20)!, relation: .spouse, n: 12),
                            member("韦小军", born: LocalDate(year: 2004, month: 6, day: 1)!, schooling: .grade7, n: 13)],
                  incomes: [HouseholdIncome(year: 2016, wage: Money(yuan: 14000))])
    }
}
