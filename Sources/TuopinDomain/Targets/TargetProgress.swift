/// 减贫计划完成情况 — where an area stands against its year's plan: what has exited, and of the
/// households not yet exited, how many meet the standard (waiting only for the exit procedure) and
/// how many do not, with what they miss.
public struct TargetProgress: Hashable, Sendable {
    public var area: AreaCode
    public var year: Int
    public var target: ExitTarget?
    /// 已脱贫 — households (and their persons) whose 脱贫年度 is this year.
    public var exitedHouseholds = 0
    public var exitedPersons = 0
    /// 已出列 — poor villages whose 出列年度 is this year.
    public var exitedVillages = 0
    /// The exit test for this year over the households not yet exited.
    public var pending = ExitTally()

    public init(area: AreaCode, year: Int, target: ExitTarget? = nil) {
        self.area = area
        self.year = year
        self.target = target
    }

    /// 达标待退出 — not exited, but meet the standard: the procedure is all that is left.
    public var meetingNotExited: Int { pending.meeting }
    /// 未达标 — not exited and do not meet the standard.
    public var notMeeting: Int { pending.notMeeting }

    /// 户数完成率 — exited ÷ planned households.
    public var householdRate: Percent? { target.flatMap { Percent.ratio(exitedHouseholds, of: $0.households) } }
    /// 人数完成率 — exited ÷ planned persons.
    public var personRate: Percent? { target.flatMap { Percent.ratio(exitedPersons, of: $0.persons) } }

    /// Households still to exit to reach the plan (0 when reached or no plan).
    public var householdGap: Int { max(0, (target?.households ?? 0) - exitedHouseholds) }

    /// Whether the plan can still be reached by the procedure alone: the households that already meet
    /// the standard cover the gap. nil without a plan.
    public var reachableByProcedure: Bool? { target.map { _ in meetingNotExited >= householdGap } }

    /// The gap in one phrase: "已完成", "达标户可补足缺口", or "缺口 N 户，尚需 M 户达标".
    public var outlook: String {
        guard target != nil else { return "未下达计划" }
        if householdGap == 0 { return "已完成" }
        if meetingNotExited >= householdGap { return "缺口 \(householdGap) 户，达标待退出户可补足" }
        return "缺口 \(householdGap) 户，尚需 \(householdGap - meetingNotExited) 户达标"
    }
}
