import Testing
import TuopinDomain

/// The data-quality rules (issue #17 item 6; policy-rules §7.2), table-driven: each rule fires on the record
/// that breaks it, with the member and the figures named, and stays silent on the honest record beside it.
@Suite struct DataQualityTests {
    static func check(_ change: (inout Household) -> Void) -> [DataQualityCheck.Finding] {
        var h = ExitTestFixtures.household()
        change(&h)
        return DataQualityCheck.evaluate(Household.ID(1), h)
    }

    @Test func the_sample_household_is_clean() {
        #expect(Self.check { _ in }.isEmpty, "the reference year is 2016 (the latest income): the 12-year-old is in 七年级")
    }

    @Test(arguments: [
        // (what breaks, the rule, a word the explanation must carry)
        ("户主3岁", DataQualityCheck.Rule.youngHead, "低于16岁"),
        ("40岁小学生", .schoolAge, "小学在读"),
        ("之子比户主大", .generation, "相差不足12岁"),
        ("之父比户主小", .generation, "长不足12岁"),
        ("无劳动力有工资", .wageWithoutLabour, "工资性收入14,000元"),
        ("A级住房登记危改", .housing, "A级"),
        ("未评级登记危改", .housing, "未评定住房安全等级"),
    ])
    func each_rule_names_what_disagrees(_ case_: String, _ rule: DataQualityCheck.Rule, _ words: String) {
        let found = Self.check { h in
            switch case_ {
            case "户主3岁": h.members[0].id = ResidentID.make(region: "451224", birth: LocalDate(year: 2013, month: 5, day: 1)!, sequence: 41)
            case "40岁小学生": h.members[1].schooling = .primary
            case "之子比户主大": h.members[2].id = ResidentID.make(region: "451224", birth: LocalDate(year: 1970, month: 1, day: 1)!, sequence: 42)
            case "之父比户主小":
                h.members[2].relation = .father
                h.members[2].id = ResidentID.make(region: "451224", birth: LocalDate(year: 1980, month: 1, day: 1)!, sequence: 43)
            case "无劳动力有工资": for i in h.members.indices { h.members[i].labour = .lost }
            case "A级住房登记危改":
                h.housingGrade = .a
                h.housingResolved = true
            default:
                h.housingGrade = nil
                h.housingResolved = false
            }
        }
        #expect(found.map(\.rule).contains(rule), "\(case_): \(found.map(\.rule))")
        #expect(found.first { $0.rule == rule }?.explanation.contains(words) == true, "\(found.map(\.explanation))")
    }

    @Test func a_weak_worker_is_still_able_and_a_c_house_may_be_rebuilt() {
        let found = Self.check { h in
            h.members[0].labour = .weak
            h.members[1].labour = .lost
            h.members[2].labour = LabourCapacity.none
            h.housingGrade = .c
            h.housingResolved = true
        }
        #expect(found.isEmpty, "\(found.map(\.explanation))")
    }

    /// 同一人登记在两个县: a member another county's registry file also holds is named with that household; a file of
    /// the same county, or a number it does not hold, is silent.
    @Test func a_member_another_county_registers_is_named() {
        let h = ExitTestFixtures.household()
        let member = h.members[1]
        let there = DataQualityCheck.Elsewhere(number: "4527280010001", village: AreaCode("452728100201")!, source: "巴马县.xlsx")
        let found = DataQualityCheck.registeredElsewhere(Household.ID(7), h, in: [member.id.number: there, "452728196511154616": there])
        #expect(found.count == 1 && found[0].rule == .elsewhere && found[0].member == member.name && found[0].household == Household.ID(7))
        #expect(found.first?.explanation.contains("巴马县.xlsx的户编号4527280010001") == true, "\(found.map(\.explanation))")
        var same = there
        same.village = h.villageCode
        #expect(DataQualityCheck.registeredElsewhere(Household.ID(7), h, in: [member.id.number: same]).isEmpty, "the same county is not another registry")
        #expect(DataQualityCheck.registeredElsewhere(Household.ID(7), h, in: [:]).isEmpty)
    }
}
