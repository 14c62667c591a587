import TuopinDomain

/// 问题清单 for the demo: about three problems a village over the 120 days before `today`, in realistic
/// proportions — most of the older ones closed (some after one return), some reopened by a later check, some
/// still open past their deadline; the recent ones unclaimed, being fixed or waiting for review. Each with the
/// steps that brought it there, by the demo's accounts. The same for the same seed and day.
public enum GeneratedProblems {
    public struct Step: Sendable {
        public var action: String
        public var date: LocalDate
        public var username: String
        public var note: String
        public var evidence: String
        public var state: ProblemState
    }

    public struct Item: Sendable {
        public var problem: Problem
        public var steps: [Step]
    }

    static let findings: [String: [String]] = [
        "查责任落实": ["第一书记本月在村天数不足", "帮扶责任人半年未入户", "驻村工作队队员长期不在岗"],
        "查精准识别": ["有车辆的家庭仍在建档立卡户中", "因病致贫户漏评", "户籍人口与实际不符"],
        "查精准退出": ["已退出户收入测算未含转移性支出", "退出户住房仍为C级危房", "退出户家庭成员未签字认可"],
        "查帮扶措施": ["帮扶手册填写与实际不符", "帮扶计划未落实产业措施", "帮扶措施与致贫原因不对应"],
        "查资金使用": ["产业扶持资金拨付滞后", "项目资金闲置超过半年", "到户资金未公示"],
        "查项目建设": ["村道硬化工程进度滞后", "饮水工程完工未验收", "项目公示牌未更新"],
        "查政策落实": ["适龄儿童辍学未劝返", "贫困人口医保参保不全", "低保对象未按时调整"],
        "查作风纪律": ["村级台账重复填报", "群众反映干部态度生硬", "工作日志内容雷同"],
    ]
    static let units = ["县教育局", "县卫生健康局", "县农业农村局", "县住房和城乡建设局", "县民政局", "县水利局", "县扶贫办"]

    public static func make(villages: [SampleDraw.Village], county: AreaCode, rules: SupervisionRules, today: LocalDate, seed: UInt64,
                            inspection: Inspection.ID? = nil) -> [Item] {
        var random = SeededRandom(seed: seed &+ 0x5_0BE7)
        var items: [Item] = []
        for v in villages.sorted(by: { $0.code < $1.code }) {
            for _ in 0..<random.int(1...5) {
                let category = random.pick(rules.checkItems)
                let text = random.pick(findings[category] ?? ["\(category)发现问题"])
                let source = random.weighted([(ProblemSource.unannounced, 0.25), (.openInspection, 0.2), (.selfCheck, 0.2), (.higherInspection, 0.1),
                                              (.complaint, 0.1), (.visit, 0.1), (.evaluation, 0.05)])
                let severity = random.weighted([(ProblemSeverity.minor, 0.6), (.serious, 0.3), (.grave, 0.1)])
                let found = today.adding(days: -random.int(0...120))
                var p = Problem(source: source, area: v.code, category: category, description: text,
                                households: v.households.isEmpty || random.chance(0.4) ? [] : [random.pick(v.households)],
                                severity: severity, found: found, deadline: rules.deadline(for: severity, found: found), issuedBy: county,
                                inspection: source == .unannounced ? inspection : nil)
                var steps = [Step(action: "list", date: found, username: source == .selfCheck ? "township" : "inspector", note: source.rawValue,
                                  evidence: "", state: .unclaimed)]
                let age = today.days(since: found)
                let days = p.deadline.days(since: found)
                func step(_ action: String, _ after: Int, _ who: String, _ state: ProblemState, note: String = "", evidence: String = "") {
                    steps.append(Step(action: action, date: min(found.adding(days: after), today), username: who, note: note, evidence: evidence, state: state))
                    p.state = state
                }
                let unit = random.pick(units)
                if age > days + 10 {
                    let r = random.unit()
                    step("claim", 2, "township", .rectifying, note: unit)
                    p.unit = unit
                    if r < 0.75 || r >= 0.85 {
                        step("apply", max(3, days - 3), "village", .applied, evidence: "已整改到位，附照片和签字材料")
                        p.rectifier = "village"
                        if random.chance(0.15) {
                            step("return", max(4, days - 2), "county", .rectifying, note: "证据不足，请补充户主签字")
                            step("apply", max(5, days), "village", .applied, evidence: "补充户主签字和整改前后照片")
                        }
                        step("close", max(6, days + 1), "county", .closed, note: "核实无误")
                        p.closed = min(found.adding(days: max(6, days + 1)), today)
                        if r >= 0.85 && age > days + 25 {
                            step("reopen", days + 20, "inspector", .rectifying, note: "回头看发现问题反弹")
                            p.closed = nil
                            p.deadline = found.adding(days: days + 35)
                        }
                    }
                } else if age > 5 {
                    let r = random.unit()
                    if r < 0.9 {
                        step("claim", 2, "township", .rectifying, note: unit)
                        p.unit = unit
                    }
                    if r < 0.4 {
                        step("apply", min(age, max(3, days - 3)), "village", .applied, evidence: "已整改，附照片")
                        p.rectifier = "village"
                    }
                }
                items.append(Item(problem: p, steps: steps))
            }
        }
        return items
    }
}
