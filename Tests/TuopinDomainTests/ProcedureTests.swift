import Testing
@testable import TuopinDomain

/// The official procedures as state machines: each kind's steps in order (sources in ProcedureKind),
/// postings of at least the standard's days, objections that hold the next step.
@Suite struct ProcedureTests {
    let start = LocalDate(year: 2019, month: 10, day: 1)!

    /// Runs every step of a kind on consecutive days, waiting out each posting.
    func runAll(_ kind: ProcedureKind) throws -> Procedure {
        var p = Procedure(kind: kind, householdNumber: "H1", postingDays: 7)
        var day = start
        for step in kind.steps {
            if let ends = p.postingEndsOn { day = max(day, ends) }
            try p.take(step, by: "韦干部", on: day)
            day = day.adding(days: 1)
        }
        return p
    }

    @Test(arguments: ProcedureKind.allCases) func each_kind_runs_in_its_order(_ kind: ProcedureKind) throws {
        let p = try runAll(kind)
        #expect(p.isFinished)
        #expect(p.done.map(\.step) == kind.steps)
        #expect(throws: ProcedureError.outOfOrder(expected: nil, got: kind.steps[0])) {
            var q = p
            try q.take(kind.steps[0], by: "x", on: start.adding(days: 60))
        }
    }

    @Test(arguments: ProcedureKind.allCases) func no_step_may_be_skipped(_ kind: ProcedureKind) {
        for (i, step) in kind.steps.enumerated() where i > 0 {
            var p = Procedure(kind: kind, householdNumber: "H1", postingDays: 7)
            #expect(throws: ProcedureError.outOfOrder(expected: kind.steps[0], got: step)) { try p.take(step, by: "x", on: start) }
        }
    }

    /// 2016 意见: 公示无异议后公告. An announcement before the posting ends is refused; on day 7 it is allowed.
    @Test func an_announcement_before_the_posting_ends_is_refused() throws {
        var p = Procedure(kind: .exit, householdNumber: "H1", postingDays: 7)
        try p.take(.democraticReview, by: "村两委", on: start)
        try p.take(.verification, by: "工作队", on: start)
        try p.take(.householdConsent, by: "户主", on: start)
        try p.take(.posting, by: "村两委", on: start)
        let ends = start.adding(days: 7)
        #expect(p.postingEndsOn == ends)
        #expect(throws: ProcedureError.postingNotOver(step: .posting, endsOn: ends)) {
            try p.take(.announcement, by: "乡镇", on: ends.adding(days: -1))
        }
        try p.take(.announcement, by: "乡镇", on: ends)
        #expect(p.nextStep == .deregistration)
    }

    @Test func an_open_objection_holds_the_announcement_until_resolved() throws {
        var p = Procedure(kind: .exit, householdNumber: "H1", postingDays: 5)
        #expect(throws: ProcedureError.noPostingRunning) { try p.object("不该退出", on: start) }
        for s in [ProcedureStep.democraticReview, .verification, .householdConsent, .posting] { try p.take(s, by: "x", on: start) }
        try p.object("收入不实", on: start.adding(days: 2))
        #expect(throws: ProcedureError.objectionOpen(count: 1)) { try p.take(.announcement, by: "x", on: start.adding(days: 10)) }
        try p.resolveObjection(0, resolution: "入户核实，收入属实", on: start.adding(days: 9))
        #expect(throws: ProcedureError.noSuchObjection(0)) { try p.resolveObjection(0, resolution: "again", on: start.adding(days: 9)) }
        try p.take(.announcement, by: "x", on: start.adding(days: 10))
        #expect(p.objections[0].resolution == "入户核实，收入属实")
    }

    /// 识别 has two postings ("两公示一公告"); each waits its days.
    @Test func identification_waits_out_both_postings() throws {
        var p = Procedure(kind: .identification, householdNumber: "H1", postingDays: 7)
        try p.take(.application, by: "户主", on: start)
        try p.take(.villageReview, by: "村民代表大会", on: start)
        try p.take(.villagePosting, by: "村委会", on: start)
        #expect(throws: ProcedureError.postingNotOver(step: .villagePosting, endsOn: start.adding(days: 7))) {
            try p.take(.townshipReview, by: "乡镇", on: start.adding(days: 3))
        }
        try p.take(.townshipReview, by: "乡镇", on: start.adding(days: 7))
        try p.take(.townshipPosting, by: "乡镇", on: start.adding(days: 8))
        #expect(throws: ProcedureError.postingNotOver(step: .townshipPosting, endsOn: start.adding(days: 15))) {
            try p.take(.countyReview, by: "县扶贫办", on: start.adding(days: 14))
        }
        #expect(throws: ProcedureError.dateBeforeLastStep(start.adding(days: 8))) {
            try p.take(.countyReview, by: "县扶贫办", on: start)
        }
    }

    @Test func day_arithmetic_crosses_months_years_and_leap_days() {
        let d = { (y: Int, m: Int, day: Int) in LocalDate(year: y, month: m, day: day)! }
        #expect(d(2019, 12, 28).adding(days: 7) == d(2020, 1, 4))
        #expect(d(2020, 2, 25).adding(days: 7) == d(2020, 3, 3))
        #expect(d(2019, 2, 25).adding(days: 7) == d(2019, 3, 4))
        #expect(d(2020, 3, 1).days(since: d(2020, 2, 1)) == 29)
        #expect(d(1970, 1, 1).dayNumber == 0)
    }
}

/// Who takes which step: the village records its meetings and posting, the township reviews, the county
/// announces and closes; a role may take its own level's steps and those below.
@Suite struct ProcedureRoleTests {
    @Test func each_level_takes_its_own_steps_and_those_below() {
        #expect(ProcedureStep.democraticReview.level == .village && ProcedureStep.townshipReview.level == .township)
        #expect(ProcedureStep.announcement.level == .county && ProcedureStep.deregistration.level == .county)
        #expect(Role.villageTeam.mayTake(.posting) && !Role.villageTeam.mayTake(.townshipReview) && !Role.villageTeam.mayTake(.announcement))
        #expect(Role.townshipStation.mayTake(.posting) && Role.townshipStation.mayTake(.townshipReview) && !Role.townshipStation.mayTake(.countyReview))
        #expect(Role.countyOffice.mayTake(.deregistration) && Role.administrator.mayTake(.announcement))
        #expect(!Role.leader.mayTake(.posting) && !Role.inspector.mayTake(.democraticReview), "no run_procedures permission")
    }

    @Test func a_procedure_starts_only_for_a_household_in_the_right_state() {
        #expect(ProcedureKind.exit.refusal(exited: true, monitored: false) != nil)
        #expect(ProcedureKind.exit.refusal(exited: false, monitored: false) == nil)
        #expect(ProcedureKind.returnToPoverty.refusal(exited: false, monitored: false) != nil)
        #expect(ProcedureKind.monitoringEntry.refusal(exited: true, monitored: true) != nil)
        #expect(ProcedureKind.monitoringClearance.refusal(exited: true, monitored: false) != nil)
        #expect(ProcedureKind.monitoringClearance.refusal(exited: true, monitored: true) == nil)
    }

    /// 2021 guidance: 监测对象识别 — 风险预警 → 入户核实 → 信息比对 → 民主评议 → 村内公示 → 乡镇审核 → 县级审定公告.
    @Test func monitoring_entry_and_clearance_follow_the_2021_sequence() {
        #expect(ProcedureKind.monitoringEntry.steps.map(\.rawValue) == ["风险预警", "入户核实", "信息比对", "民主评议", "村公示", "乡镇审核", "县级审定", "公告"])
        #expect(ProcedureKind.monitoringClearance.steps.map(\.rawValue) == ["核实", "民主评议", "村公示", "乡镇审核", "县级审定", "公告"])
    }
}
