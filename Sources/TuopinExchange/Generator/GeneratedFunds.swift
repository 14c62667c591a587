import TuopinDomain

/// 资金项目 for the demo: a year of fund sources, allocations to every township with their reimbursements (one
/// township, as in Donglan, leaves its money idle: under 30% reimbursed after more than 90 days), and about two
/// projects a township at every stage of the lifecycle, with their steps and, once accepted, their money. The
/// same for the same seed and day.
public enum GeneratedFunds {
    public struct ProjectItem: Sendable {
        public var project: Project
        /// (action, date, username, stage after, note)
        public var steps: [(action: String, date: LocalDate, username: String, stage: ProjectStage, note: String)]
    }

    public struct AllocationItem: Sendable {
        /// Index into `sources`, and into `projects` when the money is for a project.
        public var source: Int
        public var project: Int?
        public var allocation: FundAllocation
        public var reimbursements: [Reimbursement]
    }

    public struct Output: Sendable {
        public var sources: [FundSource]
        public var projects: [ProjectItem]
        public var allocations: [AllocationItem]
        /// The township left with idle money.
        public var idleTownship: AreaCode?
    }

    static let kinds: [(FundSource.Kind, String, Int64, Int)] = [
        (.central, "财农〔%d〕18号", 30_000_000, 300), (.provincial, "桂财农〔%d〕42号", 12_000_000, 280),
        (.integrated, "东政发〔%d〕7号", 20_000_000, 250), (.eastWest, "粤桂协作〔%d〕3号", 5_000_000, 200), (.county, "东财预〔%d〕21号", 3_000_000, 150),
    ]
    static let ideas: [(String, Project.Category, String, String)] = [
        ("百香果种植基地", .industry, "带动贫困户务工、入股分红", "新增种植200亩，带动贫困户户均增收2000元"),
        ("屯级道路硬化", .infrastructure, "改善出行，降低农产品运输成本", "硬化道路3公里，通达率100%"),
        ("安全饮水巩固提升", .infrastructure, "解决贫困户饮水安全", "新建蓄水池2座，受益人口全部达标"),
        ("黑山羊养殖合作社", .industry, "贫困户以产业资金入股，按年分红", "存栏黑山羊500只，年分红不低于入股资金8%"),
        ("村级光伏电站", .industry, "收益用于公益岗位和贫困户分红", "装机100千瓦，年收益8万元"),
        ("雨露计划职业培训", .education, "培训贫困家庭劳动力转移就业", "培训200人次，就业率70%"),
    ]

    /// `townshipNames`: the townships' names, so that the units read as a county's do (武篆镇人民政府); a township
    /// without one is named by its code.
    public static func make(villages: [AreaCode], county: AreaCode, households: [AreaCode: [Household.ID]], today: LocalDate, seed: UInt64,
                            townshipNames: [AreaCode: String] = [:]) -> Output {
        var random = SeededRandom(seed: seed &+ 0xF0_4D5)
        let year = today.year
        let sources = kinds.map { k in
            FundSource(kind: k.0, document: String(format: k.1, year), title: "\(year)年\(k.0.rawValue)扶贫资金", issued: today.adding(days: -k.3),
                       amount: Money(yuan: k.2), county: county)
        }
        let townships = Array(Set(villages.compactMap { $0.ancestor(at: .township) })).sorted { $0.value < $1.value }
        let idleTownship = townships.count > 1 ? townships[1] : townships.first
        var left = sources.map(\.amount)
        var allocations: [AllocationItem] = []
        var projects: [ProjectItem] = []
        var voucher = 0
        func reimbursements(for a: FundAllocation, share: Double, from first: LocalDate, level: Reimbursement.Level) -> [Reimbursement] {
            let pieces = random.int(1...3)
            let total = Int64(Double(a.amount.fen) * share) / 100 * 100
            var out: [Reimbursement] = []
            let span = max(1, today.days(since: first) - 5)
            for i in 0..<pieces {
                voucher += 1
                let amount = i == pieces - 1 ? total - out.reduce(0) { $0 + $1.amount.fen } : total / Int64(pieces)
                guard amount > 0 else { continue }
                out.append(Reimbursement(allocation: FundAllocation.ID(0), amount: Money(fen: amount), date: first.adding(days: min(span, (i + 1) * span / pieces)),
                                         voucher: "记-\(year)-\(String(format: "%04d", voucher))", level: level))
            }
            return out
        }
        for (t, township) in townships.enumerated() {
            let government = townshipNames[township].map { "\($0)人民政府" } ?? "\(township.value)乡镇人民政府"
            // Block money to the township from two sources.
            for s in [t % 2, 2 + t % 3] where s < sources.count {
                let amount = Money(yuan: Int64(random.int(40...160)) * 10_000)
                guard amount <= left[s] else { continue }
                left[s] = left[s] - amount
                let date = sources[s].issued.adding(days: random.int(10...40))
                let a = FundAllocation(source: FundSource.ID(0), area: township, amount: amount, date: date, unit: government)
                let share = township == idleTownship ? random.unit() * 0.2 + 0.05 : random.unit() * 0.5 + 0.45
                allocations.append(AllocationItem(source: s, project: nil, allocation: a,
                                                  reimbursements: reimbursements(for: a, share: share, from: date.adding(days: 20), level: .township)))
            }
            // Two projects in the township's villages, at stages spread over the lifecycle.
            let mine = villages.filter { township.contains($0) }.sorted { $0.value < $1.value }
            guard !mine.isEmpty else { continue }
            for k in 0..<2 {
                let village = mine[(t + k * 3) % mine.count]
                let idea = ideas[(t * 2 + k) % ideas.count]
                let amount = Money(yuan: Int64(random.int(20...120)) * 10_000)
                let beneficiaries = Array((households[village] ?? []).prefix(random.int(3...12)))
                let start = today.adding(days: -random.int(200...260))
                var p = Project(name: "\(village.value.suffix(3))村\(idea.0)", category: idea.1, nature: k == 0 ? .new : .renovation, proposer: .village,
                                county: county, villages: [village], unit: government, tasks: idea.3, planned: amount,
                                funding: "整合涉农资金\(amount.compactYuan)元", year: year, start: start, end: start.adding(days: 240),
                                households: beneficiaries, beneficiaries: beneficiaries.count * 4, targets: idea.3, mechanism: idea.2)
                // How far it got: 0 … 10 steps along the lifecycle; the seventh project of the county is removed.
                let reach = (t * 5 + k * 7 + 3) % 11
                var steps: [(String, LocalDate, String, ProjectStage, String)] = [("propose", start.adding(days: -90), "village", .proposed, "村申报")]
                var day = start.adding(days: -80)
                var money: AllocationItem?
                for n in 0..<reach {
                    let who = n == 0 ? "township" : "county"
                    if p.stage == .accepted, money == nil {
                        // Money for the project once accepted, reimbursed after the acceptance.
                        let s = 2
                        if amount <= left[s] {
                            left[s] = left[s] - amount
                            let a = FundAllocation(source: FundSource.ID(0), area: township, amount: amount, date: start.adding(days: -10), unit: p.unit)
                            var r = reimbursements(for: a, share: 0.95, from: day.adding(days: 1), level: .county)
                            for i in r.indices where r[i].date > today { r[i].date = today }
                            money = AllocationItem(source: s, project: projects.count, allocation: a, reimbursements: r)
                            day = r.last?.date ?? day
                        }
                    }
                    guard let next = try? p.take(.advance(note: p.nextStage == .evaluated ? "绩效目标全部完成" : ""), on: day,
                                                 reimbursed: money.map { $0.reimbursements.reduce(.zero) { $0 + $1.amount } } ?? .zero) else { break }
                    p = next
                    steps.append(("advance", day, who, p.stage, ""))
                    day = min(today, day.adding(days: p.stage == .posted ? 12 : random.int(6...25)))
                }
                if t == 3 && k == 1, p.stage.mayBeRemoved, let removed = try? p.take(.remove(reason: "选址涉及基本农田，无法实施"), on: day) {
                    p = removed
                    steps.append(("remove", day, "county", p.stage, "选址涉及基本农田，无法实施"))
                }
                if let money { allocations.append(money) }
                projects.append(ProjectItem(project: p, steps: steps.map { (action: $0.0, date: $0.1, username: $0.2, stage: $0.3, note: $0.4) }))
            }
        }
        return Output(sources: sources, projects: projects, allocations: allocations, idleTownship: idleTownship)
    }
}
