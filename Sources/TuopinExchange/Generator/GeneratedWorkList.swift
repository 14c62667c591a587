import TuopinDomain

/// 月工作清单 for the demo: the county's tasks to each township for the last four months (this one included),
/// due at each month's end — the past months' mostly done, a few still open and so overdue, this month's under
/// way. The same for the same seed and day.
public enum GeneratedWorkList {
    static let tasks: [(String, String)] = [
        ("完成本月贫困户收入数据核实更新", "查精准识别"), ("组织帮扶责任人全覆盖入户走访", "查责任落实"),
        ("推进产业项目资金报账，报账率达到60%以上", "查资金使用"), ("开展危房改造进度督查", "查政策落实"),
        ("召开脱贫攻坚推进会并报送会议纪要", "查责任落实"), ("完成退出户家庭成员签字确认", "查精准退出"),
        ("更新村级项目公示栏", "查项目建设"), ("排查辍学学生并落实劝返", "查政策落实"),
    ]

    public static func make(townships: [AreaCode: String], county: AreaCode, today: LocalDate, seed: UInt64) -> [GeneratedProblems.Item] {
        var random = SeededRandom(seed: seed &+ 0x3_0B11)
        var items: [GeneratedProblems.Item] = []
        var first = LocalDate(year: today.year, month: today.month, day: 1)!
        var months: [LocalDate] = []
        for _ in 0..<4 {
            months.insert(first, at: 0)
            let previous = first.adding(days: -1)
            first = LocalDate(year: previous.year, month: previous.month, day: 1)!
        }
        for start in months {
            let period = DutyPeriod.month(start.year, start.month)
            let current = period.contains(today)
            for (township, name) in townships.sorted(by: { $0.key < $1.key }) {
                for _ in 0..<2 {
                    let (text, category) = random.pick(tasks)
                    var p = Problem(source: .workList, area: township, unit: "\(name)人民政府", category: category, description: text,
                                    severity: .minor, found: start, deadline: period.last, state: .rectifying, issuedBy: county)
                    var steps = [GeneratedProblems.Step(action: "list", date: start, username: "county", note: ProblemSource.workList.rawValue,
                                                        evidence: "", state: .rectifying)]
                    if !current, random.chance(0.8) {
                        let done = min(period.last.adding(days: -random.int(0...10)), today)
                        steps.append(.init(action: "apply", date: done, username: "township", note: "", evidence: "已完成，附工作台账", state: .applied))
                        steps.append(.init(action: "close", date: min(done.adding(days: 2), today), username: "county", note: "核实完成", evidence: "", state: .closed))
                        p.state = .closed
                        p.rectifier = "township"
                        p.closed = min(done.adding(days: 2), today)
                    }
                    items.append(.init(problem: p, steps: steps))
                }
            }
        }
        return items
    }
}
