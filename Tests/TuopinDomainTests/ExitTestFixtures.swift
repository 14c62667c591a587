@testable import TuopinDomain

/// A small standards file and households for the exit-test tables.
enum ExitTestFixtures {
    /// The standards the tables use: the 2016 line (confirmed), 2017 (unconfirmed), the national checklist from
    /// 2014, Sichuan's 一超六有 overlay and the western thresholds — built as values (the file format is
    /// the exchange module's and is tested there).
    static let standard: StandardSet = {
        func rate(_ kind: RateThreshold.Kind, _ general: Int, _ western: Int?, _ source: String) -> RateThreshold {
            RateThreshold(kind: kind, general: Percent(basisPoints: general * 100), western: western.map { Percent(basisPoints: $0 * 100) }, source: source)
        }
        return StandardSet(
            lines: [2016: PovertyLine(year: 2016, amount: Money(yuan: 2952), confirmed: true, source: "NBS"),
                    2017: PovertyLine(year: 2017, amount: Money(yuan: 2952), confirmed: false, source: "commonly cited")],
            checklists: [ChecklistPeriod(fromYear: 2014, items: [.income, .food, .clothing, .education, .medical, .housing, .water], source: "2016 意见")],
            overlays: ["51": ProvinceOverlay(province: "51", provinceName: "四川省", title: "一超六有", adds: [.electricity, .broadcast], source: "四川")],
            westernProvinces: ["15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"], westernSource: "西部",
            villageIncidence: rate(.below, 2, 3, "2016 意见"), countyIncidence: rate(.below, 2, 3, "2016 意见"),
            wrongExitRate: rate(.below, 2, nil, "瞭望"), missedRate: rate(.below, 2, nil, "瞭望"), recognitionRate: rate(.atLeast, 90, nil, "瞭望"),
            postingDays: 7, postingSource: "local", monitoringMultiple: 150, monitoringIncomeDrop: Percent(basisPoints: 3000),
            monitoringSource: "2020 意见")
    }()

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
