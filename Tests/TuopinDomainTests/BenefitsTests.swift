import Testing
@testable import TuopinDomain

/// Issue #16 items 5–6: the policies file and each leak rule, with the reason it gives.
@Suite struct BenefitsTests {
    static let county = AreaCode("451224")!
    static let village = AreaCode("451224100201")!
    static let policies = try! BenefitPolicies.parse("""
        [政策]
        education | 教育资助 | 县教育局 | 5000 | 3 | 雨露计划
        housing   | 危房改造 | 县住建局 | 40000 | 0 | 建村〔2016〕251号
        dibao     | 低保     | 县民政局 | 0 |  | 社会救助暂行办法
        [应享未享]
        school_age   | education
        unsafe_house | housing
        """)
    static func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }
    static let child = LeakCheck.Person(idNumber: "451224200905154008", birth: d("2009-05-15"), schooling: .primary, name: "韦小红")
    static let head = LeakCheck.Person(idNumber: "452728196511154616", birth: d("1965-11-15"), schooling: .notInSchool, name: "梁勇贵")
    static func home(exit: Int? = nil, housing: HousingGrade? = .b, resolved: Bool = false) -> LeakCheck.Home {
        LeakCheck.Home(id: Household.ID(1), number: "4512241002010001", village: village, exitYear: exit, housing: housing, housingResolved: resolved,
                       members: [head, child])
    }
    static func pay(_ p: LeakCheck.Person, _ policy: String, _ yuan: Int64, _ date: String) -> Benefit {
        Benefit(idNumber: p.idNumber, name: p.name, household: nil, policy: policy, amount: Money(yuan: yuan), date: d(date), department: "", county: county)
    }

    @Test func the_shipped_file_parses_and_a_bad_line_is_named() throws {
        #expect(Self.policies.policy("dibao")?.yearsAfterExit == nil && Self.policies.policy("housing")?.yearsAfterExit == 0)
        #expect(throws: BenefitPolicies.Fault.self) { try BenefitPolicies.parse("[政策]\nx | 名称 | 部门 | 很多 | 3 | 依据") }
        do { _ = try BenefitPolicies.parse("[政策]\na | 名称 | 部门 | 0 | | 依据\n[应享未享]\nschool_age | nothing") } catch {
            #expect(error.line == 4 && error.chinese.contains("nothing"))
        }
    }

    @Test func a_household_paid_what_it_is_due_raises_nothing() {
        let flags = LeakCheck.evaluate(year: 2019, payments: [Self.pay(Self.child, "education", 1000, "2019-09-15")], homes: [Self.home()], policies: Self.policies)
        #expect(flags.isEmpty)
    }

    @Test func each_rule_flags_with_its_reason() {
        let stranger = LeakCheck.Person(idNumber: "451224197110159038", birth: Self.d("1971-10-15"), schooling: nil, name: "韦某")
        let payments = [Self.pay(Self.child, "education", 1000, "2019-09-15"), Self.pay(Self.child, "education", 1000, "2019-09-28"),
                        Self.pay(Self.child, "education", 4000, "2019-12-01"), Self.pay(stranger, "dibao", 900, "2019-03-10")]
        let flags = LeakCheck.evaluate(year: 2019, payments: payments, homes: [Self.home(housing: .d)], policies: Self.policies)
        let rules = flags.map(\.rule)
        #expect(rules.contains(.paidTwice) && rules.contains(.overCap) && rules.contains(.notRegistered) && rules.contains(.unsafeHouse))
        #expect(flags.first { $0.rule == .overCap }?.amount == Money(yuan: 1000), "6,000 paid against a cap of 5,000")
        #expect(flags.first { $0.rule == .paidTwice }?.note.contains("9月发放2次") == true)
        #expect(flags.first { $0.rule == .notRegistered }?.householdNumber == "")
        #expect(!rules.contains(.schoolAge), "the child was paid")
    }

    /// Paid after the death or the move-out the departments' records give: the payments after the date are the leak.
    @Test func payments_after_death_or_moving_out_are_flagged() {
        let payments = [Self.pay(Self.head, "dibao", 900, "2019-02-10"), Self.pay(Self.head, "dibao", 900, "2019-05-10"),
                        Self.pay(Self.head, "dibao", 900, "2019-08-10"), Self.pay(Self.child, "education", 1000, "2019-09-15")]
        let flags = LeakCheck.evaluate(year: 2019, payments: payments, homes: [Self.home()], policies: Self.policies,
                                       deaths: [Self.head.idNumber: Self.d("2019-03-01")], moves: [Self.child.idNumber: Self.d("2019-10-01")])
        let dead = flags.first { $0.rule == .afterDeath }
        #expect(dead?.amount == Money(yuan: 1800) && dead?.note.contains("于2019-03-01死亡，此后仍发放低保 2 笔") == true, "\(flags.map(\.note))")
        #expect(!flags.contains { $0.rule == .afterMove }, "paid before the child moved out")
    }

    /// Paid to someone on the public payroll, or to a member of their household (the registry's or the roster's): one
    /// flag per person and policy naming the official; someone in no official's household is left alone.
    @Test func payments_to_officials_and_their_household_members_are_flagged() {
        let official = OfficialTie(name: "韦国庆", idNumber: "452728197001014612", unit: "县林业局", kin: false)
        let ties = OfficialTie.ties(officials: [official], households: [[official.idNumber, Self.head.idNumber], ["452728199001011234"]])
        #expect(ties[official.idNumber]?.kin == false && ties[Self.head.idNumber]?.kin == true && ties["452728199001011234"] == nil)
        let payments = [Self.pay(Self.head, "dibao", 900, "2019-02-10"), Self.pay(Self.head, "dibao", 900, "2019-05-10"),
                        Self.pay(Self.child, "education", 1000, "2019-09-15")]
        let flags = LeakCheck.evaluate(year: 2019, payments: payments, homes: [Self.home()], policies: Self.policies, officials: ties).filter { $0.rule == .official }
        #expect(flags.count == 1 && flags[0].idNumber == Self.head.idNumber && flags[0].amount == Money(yuan: 1800))
        #expect(flags[0].note == "梁勇贵（452728196511154616）与财政供养人员韦国庆（县林业局）同户，2019年领取低保 2 笔共1,800元", "\(flags[0].note)")
        let own = OfficialTie.ties(officials: [OfficialTie(name: "梁勇贵", idNumber: Self.head.idNumber, unit: "县林业局", kin: false)], households: [])
        #expect(LeakCheck.evaluate(year: 2019, payments: payments, homes: [Self.home()], policies: Self.policies, officials: own)
            .first { $0.rule == .official }?.note.contains("为财政供养人员（县林业局）") == true)
        // A cadre on the county's list (their ID number recorded) is named as a cadre, not as payroll.
        let cadre = OfficialTie.ties(officials: [OfficialTie(name: "韦国庆", idNumber: official.idNumber, unit: "县交通运输局", title: "干部", kin: false)],
                                     households: [[official.idNumber, Self.head.idNumber]])
        #expect(LeakCheck.evaluate(year: 2019, payments: payments, homes: [Self.home()], policies: Self.policies, officials: cadre)
            .first { $0.rule == .official }?.note.contains("与干部韦国庆（县交通运输局）同户") == true)
    }

    @Test func exit_ends_what_the_policy_says_and_entitlements_only_for_current_households() {
        let after = LeakCheck.evaluate(year: 2020, payments: [Self.pay(Self.head, "housing", 20000, "2020-06-01"), Self.pay(Self.head, "dibao", 900, "2020-06-01")],
                                       homes: [Self.home(exit: 2019)], policies: Self.policies)
        #expect(after.map(\.rule) == [.afterExit], "housing ends at exit, dibao does not; no entitlement after exit")
        #expect(after[0].note.contains("2019年已脱贫"))
        let missed = LeakCheck.evaluate(year: 2019, payments: [], homes: [Self.home(exit: 2019, housing: .c)], policies: Self.policies)
        #expect(Set(missed.map(\.rule)) == [.schoolAge, .unsafeHouse], "exiting in the year still counts")
        #expect(missed.first { $0.rule == .schoolAge }?.note.contains("10岁") == true)
        let resolved = LeakCheck.evaluate(year: 2019, payments: [Self.pay(Self.child, "education", 1000, "2019-09-15")],
                                          homes: [Self.home(housing: .c, resolved: true)], policies: Self.policies)
        #expect(resolved.isEmpty, "a resolved house is not owed")
    }
}
