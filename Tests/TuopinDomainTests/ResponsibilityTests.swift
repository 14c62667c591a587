import Testing
@testable import TuopinDomain

/// Issue #14: coverage of the 五个一 and the duty rules, checked from logs alone.
struct ResponsibilityTests {
    static let village = AreaCode("451224100201")!
    static let other = AreaCode("451224100202")!
    static func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    static let set = ResponsibilitySet(name: "五个一", layers: [
        ResponsibilityLayer(name: "第一书记", scope: .village, required: true, termYears: 1...3),
        ResponsibilityLayer(name: "驻村工作队", scope: .village, required: true, minimumHolders: 3),
        ResponsibilityLayer(name: "帮扶责任人", scope: .household, required: true, maxHouseholds: 5, maxVillages: 1),
    ])

    static let rules = [
        DutyRule(layer: "第一书记", measure: .daysInArea, minimum: 20, per: .month, source: "test"),
        DutyRule(layer: "帮扶责任人", measure: .visitsPerHousehold, minimum: 1, per: .month, source: "test"),
    ]

    @Test func periods_parse_and_bound_themselves() {
        #expect(DutyPeriod.parse("2016-07") == .month(2016, 7))
        #expect(DutyPeriod.parse("2016-Q3")?.first == Self.d("2016-07-01"))
        #expect(DutyPeriod.parse("2016-Q3")?.last == Self.d("2016-09-30"))
        #expect(DutyPeriod.parse("2016-02")?.last == Self.d("2016-02-29"))
        for bad in ["2016-13", "2016-7", "16-07", "2016-Q5", "", "2016/07"] { #expect(DutyPeriod.parse(bad) == nil, "\(bad)") }
    }

    @Test func a_first_secretary_short_of_days_is_named_with_the_shortfall_and_leave() {
        var logs = (1...14).map { WorkLog(id: WorkLog.ID(Int64($0)), cadre: 1, date: LocalDate(year: 2016, month: 7, day: $0)!, kind: .villageWork, village: Self.village) }
        logs += [WorkLog(id: 99, cadre: 1, date: Self.d("2016-07-20"), kind: .leave, village: Self.village, approvedBy: "乡镇党委"),
                 WorkLog(id: 100, cadre: 1, date: Self.d("2016-07-21"), kind: .leave, village: Self.village, approvedBy: "乡镇党委"),
                 // Another village's work and another month's do not count.
                 WorkLog(id: 101, cadre: 1, date: Self.d("2016-07-22"), kind: .villageWork, village: Self.other),
                 WorkLog(id: 102, cadre: 1, date: Self.d("2016-08-01"), kind: .villageWork, village: Self.village)]
        let post = Assignment(cadre: 1, layer: "第一书记", area: Self.village, start: Self.d("2015-03-01"))
        let f = DutyCompliance.evaluate(rules: Self.rules, assignments: [post], pairings: [], householdLayer: "帮扶责任人", logs: logs, period: .month(2016, 7))
        #expect(f.count == 1)
        #expect(f[0].required == 20 && f[0].actual == 14 && f[0].leaveDays == 2 && !f[0].met)
        #expect(f[0].note == "在村天数 14 天 < 20 天；请假 2 天")
        #expect(f[0].unexplainedDays == 4)
        #expect(f[0].evidence.count == 14)
        #expect(AbsenceLadder.ceiling(absences: 1) == "不能评为优秀" && AbsenceLadder.ceiling(absences: 3) == "不称职")
    }

    @Test func a_post_held_for_part_of_a_month_is_asked_in_proportion() {
        let post = Assignment(cadre: 1, layer: "第一书记", area: Self.village, start: Self.d("2016-07-17"))
        let logs = (17...31).map { WorkLog(cadre: 1, date: LocalDate(year: 2016, month: 7, day: $0)!, kind: .villageWork, village: Self.village) }
        let f = DutyCompliance.evaluate(rules: Self.rules, assignments: [post], pairings: [], householdLayer: "帮扶责任人", logs: logs, period: .month(2016, 7))
        #expect(f[0].required == 10, "20 × 15/31, rounded up")
        #expect(f[0].met)
        let quarter = DutyCompliance.evaluate(rules: Self.rules, assignments: [Assignment(cadre: 1, layer: "第一书记", area: Self.village, start: Self.d("2015-01-01"))],
                                              pairings: [], householdLayer: "帮扶责任人", logs: [], period: DutyPeriod.parse("2016-Q3")!)
        #expect(quarter[0].required == 60)
    }

    @Test func a_helper_must_visit_every_paired_household() {
        let pairings = [Pairing(cadre: 2, household: 10, village: Self.village, start: Self.d("2015-01-01")),
                        Pairing(cadre: 2, household: 11, village: Self.village, start: Self.d("2015-01-01"))]
        let once = [WorkLog(id: 1, cadre: 2, date: Self.d("2016-07-03"), kind: .visit, village: Self.village, household: 10),
                    WorkLog(id: 2, cadre: 2, date: Self.d("2016-07-09"), kind: .visit, village: Self.village, household: 10)]
        var f = DutyCompliance.evaluate(rules: Self.rules, assignments: [], pairings: pairings, householdLayer: "帮扶责任人", logs: once, period: .month(2016, 7))
        #expect(f.count == 1 && f[0].actual == 0 && !f[0].met, "household 11 was not visited")
        f = DutyCompliance.evaluate(rules: Self.rules, assignments: [], pairings: pairings, householdLayer: "帮扶责任人",
                                    logs: once + [WorkLog(id: 3, cadre: 2, date: Self.d("2016-07-10"), kind: .visit, village: Self.village, household: 11)],
                                    period: .month(2016, 7))
        #expect(f[0].met && f[0].actual == 1)
    }

    @Test func coverage_names_missing_posts_weak_teams_unpaired_and_overloaded() {
        let date = Self.d("2016-07-01")
        let assignments = [Assignment(cadre: 1, layer: "第一书记", area: Self.village, start: Self.d("2012-03-01")),
                           Assignment(cadre: 3, layer: "驻村工作队", area: Self.village, start: Self.d("2015-03-01")),
                           Assignment(cadre: 4, layer: "第一书记", area: Self.other, start: Self.d("2014-03-01"), end: Self.d("2016-06-30"))]
        let pairings = (0..<6).map { Pairing(cadre: 2, household: Household.ID(Int64(10 + $0)), village: $0 < 5 ? Self.village : Self.other, start: Self.d("2015-01-01")) }
        let households = (10...16).map { (id: Household.ID(Int64($0)), village: Self.village) }
        let gaps = CoverageCheck.evaluate(set: Self.set, poorVillages: [Self.village, Self.other], poorHouseholds: households,
                                          assignments: assignments, pairings: pairings, on: date)
        let kinds = gaps.map { "\($0.area.value):\($0.kind.rawValue):\($0.layer)" }
        #expect(kinds.contains("451224100201:任期已满:第一书记"), "\(kinds)")
        #expect(kinds.contains("451224100201:人数不足:驻村工作队"))
        #expect(kinds.contains("451224100202:缺岗:第一书记"), "a term that ended leaves the post empty")
        #expect(kinds.contains("451224100202:缺岗:驻村工作队"))
        #expect(gaps.filter { $0.kind == .unpaired }.map(\.household) == [16])
        #expect(gaps.contains { $0.kind == .overloaded && $0.cadre == 2 })
        #expect(gaps.contains { $0.kind == .spread && $0.cadre == 2 })
    }

    @Test func the_progress_table_sums_months_into_quarters_and_the_year() {
        let p = PlanProgress(year: 2016, months: [
            .init(month: 1, due: 2, done: 1, doneIncome: Money(yuan: 3000), visits: 10, problemsFound: 2),
            .init(month: 3, due: 1, done: 2, visits: 5),
            .init(month: 7, due: 4, visits: 1, problemsFound: 1),
            .init(month: 13, due: 99),
        ])
        #expect(p.quarters.map(\.due) == [3, 0, 4, 0])
        #expect(p.quarters[0].done == 3 && p.quarters[0].completion == 100 && p.quarters[0].doneIncome == Money(yuan: 3000))
        #expect(p.quarters[1].completion == nil, "nothing due: no rate")
        #expect(p.quarters[2].completion == 0)
        #expect(p.total.due == 7 && p.total.visits == 16 && p.total.problemsFound == 3, "a month outside 1–12 is ignored")
    }
}
