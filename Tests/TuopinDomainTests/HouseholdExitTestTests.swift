import Testing
@testable import TuopinDomain

/// The household exit test, one case per clause. Sources: 《关于建立贫困退出机制的意见》(2016; policy-rules §1.2),
/// the checkable meanings of 两不愁三保障 + 饮水 (policy-rules §1.2a), and the registry-exchange format's
/// verdict-file semantics (ages on the reference date; a blank never counts as met).
@Suite struct HouseholdExitTestTests {
    typealias F = ExitTestFixtures
    let d = { (y: Int, m: Int, day: Int) in LocalDate(year: y, month: m, day: day)! }

    func verdict(_ h: Household, year: Int = 2016, asOf: LocalDate? = nil) -> ExitVerdict {
        HouseholdExitTest.evaluate(h, year: year, referenceDate: asOf, standard: F.standard)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var clause: String
        var source: String
        var change: @Sendable (inout Household) -> Void
        var missing: [ChecklistItem]
        var testDescription: String { clause }
    }

    static let cases: [Case] = [
        Case(clause: "all items met", source: "§1.2", change: { _ in }, missing: []),
        // 一超过 — income strictly above the line.
        Case(clause: "income one fen above the line", source: "§1.2 一超过", change: {
            $0.incomes = [HouseholdIncome(year: 2016, wage: Money(fen: 295_201 * 3))] }, missing: []),
        Case(clause: "income exactly at the line fails", source: "§1.2 一超过（超过 = strictly above）", change: {
            $0.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 2952 * 3))] }, missing: [.income]),
        Case(clause: "no income recorded for the year fails", source: "format: no income recorded for year Y", change: {
            $0.incomes = [HouseholdIncome(year: 2015, wage: Money(yuan: 90000))] }, missing: [.income]),
        Case(clause: "business expense counts against income", source: "§2.2 人均纯收入", change: {
            $0.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 9000), businessExpense: Money(yuan: 1000))] }, missing: [.income]),
        // 两不愁
        Case(clause: "food recorded 否", source: "§1.2a 不愁吃", change: { $0.foodSecure = false }, missing: [.food]),
        Case(clause: "food blank", source: "format: not recorded fails", change: { $0.foodSecure = nil }, missing: [.food]),
        Case(clause: "clothing blank", source: "§1.2a 不愁穿", change: { $0.clothingSecure = nil }, missing: [.clothing]),
        // 义务教育
        Case(clause: "a 12-year-old out of school", source: "§1.2a 义务教育", change: {
            $0.members[2].schooling = .notInSchool }, missing: [.education]),
        Case(clause: "送教上门 counts as schooled", source: "§1.2a 送教上门", change: {
            $0.members[2].schooling = .homeTeaching }, missing: []),
        Case(clause: "certified exempt", source: "§1.2a 因身体原因不具备学习条件", change: {
            $0.members[2].schooling = .notInSchool; $0.members[2].educationExempt = true }, missing: []),
        Case(clause: "schooling blank for a child", source: "format: blank never met", change: {
            $0.members[2].schooling = nil }, missing: [.education]),
        Case(clause: "an adult out of school is not counted", source: "§1.2a 6–15 岁", change: {
            $0.members[0].schooling = .notInSchool }, missing: []),
        // 基本医疗
        Case(clause: "a member without basic medical insurance", source: "§1.2a 基本医疗", change: {
            $0.members[1].medicalInsurance = false }, missing: [.medical]),
        Case(clause: "insurance blank", source: "format: or not recorded", change: { $0.members[1].medicalInsurance = nil }, missing: [.medical]),
        // 住房安全
        Case(clause: "grade A", source: "§1.2a A/B safe", change: { $0.housingGrade = .a }, missing: []),
        Case(clause: "grade C not renovated", source: "§1.2a C/D 危房", change: { $0.housingGrade = .c }, missing: [.housing]),
        Case(clause: "grade C renovated", source: "§1.2a 危房改造", change: { $0.housingGrade = .c; $0.housingResolved = true }, missing: []),
        Case(clause: "grade D moved to relocation housing", source: "§1.2a 易地扶贫搬迁", change: {
            $0.housingGrade = .d; $0.housingResolved = true }, missing: []),
        Case(clause: "grade D, renovation recorded 否", source: "§1.2a", change: { $0.housingGrade = .d; $0.housingResolved = false }, missing: [.housing]),
        Case(clause: "house not appraised", source: "format: or not appraised", change: { $0.housingGrade = nil }, missing: [.housing]),
        // 饮水安全
        Case(clause: "water recorded 否", source: "§1.2a 饮水安全", change: { $0.waterSafe = false }, missing: [.water]),
        Case(clause: "water blank", source: "format: or not recorded", change: { $0.waterSafe = nil }, missing: [.water]),
        // Order of the verdict file.
        Case(clause: "several failures in the format's order", source: "format: in this order", change: {
            $0.waterSafe = nil; $0.housingGrade = nil; $0.incomes = []; $0.foodSecure = false }, missing: [.income, .food, .housing, .water]),
    ]

    @Test(arguments: cases) func clause(_ c: Case) {
        var h = F.household()
        c.change(&h)
        let v = verdict(h)
        #expect(v.missing == c.missing, "\(c.clause) — \(c.source)")
        #expect(v.meets == c.missing.isEmpty)
        #expect(v.conclusion == (c.missing.isEmpty ? "达标" : "未达标"))
        #expect(v.missingCodes == c.missing.map(\.rawValue).joined(separator: ";"))
    }

    /// Ages on the reference date (31 December of the year unless given): 6 and 15 are in, 16 is out.
    @Test func the_school_age_boundaries_fall_on_the_reference_date() {
        var h = F.household()
        h.members.append(F.member("六岁", born: d(2010, 12, 31), n: 21))
        #expect(verdict(h).missing == [.education], "turns 6 on 31 December 2016: counted")
        h.members[3] = F.member("未满六岁", born: d(2011, 1, 1), n: 21)
        #expect(verdict(h).missing == [], "turns 6 the day after: not counted")
        h.members[3] = F.member("十六岁", born: d(2000, 12, 31), n: 21)
        #expect(verdict(h).missing == [], "turns 16 on the reference date: not counted")
        h.members[3] = F.member("十五岁", born: d(2001, 1, 1), n: 21)
        #expect(verdict(h).missing == [.education], "still 15 on the reference date: counted")
        #expect(verdict(h, asOf: d(2016, 12, 30)).missing == [.education])
        #expect(verdict(h, asOf: d(2017, 1, 1)).missing == [], "--as-of moves the reference date")
    }

    @Test func evidence_reads_like_the_registry() {
        var h = F.household()
        h.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 8000))]
        h.members[2].schooling = .notInSchool
        h.members[1].medicalInsurance = nil
        h.housingGrade = .c
        let v = verdict(h)
        let text = Dictionary(uniqueKeysWithValues: v.items.map { ($0.item, $0.evidence.text) })
        #expect(text[.income] == "2016年人均纯收入 2,666.67 元 ≤ 2,952 元")
        #expect(text[.education] == "韦小军，12 岁，非在校生")
        #expect(text[.medical] == "黄秀英 医保未填")
        #expect(text[.housing] == "住房安全等级 C 级，未改造或搬迁")
        #expect(text[.food] == "不愁吃：是")
        h.incomes = []
        #expect(verdict(h).items[0].evidence.text == "2016年收入未记录（扶贫标准 2,952 元）")
        #expect(verdict(h, year: 2013).items[0].evidence.text == "扶贫标准未列2013年的贫困线")
    }

    /// Sichuan's 一超六有 adds household electricity and radio/TV (policy-rules §1.2a [LOC]); elsewhere the national list.
    @Test func a_province_overlay_adds_its_items_only_in_that_province() {
        var h = F.household(village: AreaCode("510122100201")!)
        #expect(verdict(h).missing == [.electricity, .broadcast])
        h.powerSupplied = true
        h.broadcastReception = true
        #expect(verdict(h).meets)
        #expect(verdict(F.household()).items.map(\.item) == ChecklistItem.nationalFloor)
    }
}
