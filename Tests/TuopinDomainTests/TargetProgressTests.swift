import Testing
@testable import TuopinDomain

/// 挂图作战: progress against the plan, and whether the procedure alone can close the gap.
@Suite struct TargetProgressTests {
    let county = AreaCode("451224")!

    func progress(planned: Int?, exited: Int, meeting: Int, notMeeting: Int) -> TargetProgress {
        var p = TargetProgress(area: county, year: 2016,
                               target: planned.map { ExitTarget(area: county, year: 2016, households: $0, persons: $0 * 3) })
        p.exitedHouseholds = exited
        p.exitedPersons = exited * 3
        let date = LocalDate.yearEnd(2016)
        let pass = ExitVerdict(year: 2016, referenceDate: date, items: [ItemVerdict(item: .housing, met: true, evidence: .housing(grade: .a, resolved: nil))])
        let fail = ExitVerdict(year: 2016, referenceDate: date, items: [ItemVerdict(item: .housing, met: false, evidence: .housing(grade: .d, resolved: false))])
        for _ in 0..<meeting { p.pending.add(pass, persons: 3) }
        for _ in 0..<notMeeting { p.pending.add(fail, persons: 3) }
        return p
    }

    @Test func rates_gap_and_outlook() {
        let done = progress(planned: 10, exited: 12, meeting: 0, notMeeting: 4)
        #expect(done.householdRate == Percent(basisPoints: 12_000))
        #expect(done.householdGap == 0 && done.outlook == "已完成")

        let procedureLeft = progress(planned: 10, exited: 4, meeting: 6, notMeeting: 9)
        #expect(procedureLeft.householdGap == 6 && procedureLeft.reachableByProcedure == true)
        #expect(procedureLeft.outlook == "缺口 6 户，达标待退出户可补足")

        let short = progress(planned: 10, exited: 4, meeting: 2, notMeeting: 9)
        #expect(short.reachableByProcedure == false)
        #expect(short.outlook == "缺口 6 户，尚需 4 户达标")
        #expect(short.pending.missing[.housing] == 9 && short.notMeeting == 9)

        let unplanned = progress(planned: nil, exited: 4, meeting: 2, notMeeting: 0)
        #expect(unplanned.householdRate == nil && unplanned.reachableByProcedure == nil && unplanned.outlook == "未下达计划")
    }

    @Test func a_plan_of_zero_has_no_rate() {
        #expect(progress(planned: 0, exited: 0, meeting: 0, notMeeting: 0).householdRate == nil)
    }
}
