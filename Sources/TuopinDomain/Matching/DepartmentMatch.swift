/// 信息比对 — department records against the registry's members (issue #17 item 2; policy-rules §7.3): each rule
/// turns a record into a flag on the household with a plain explanation naming the member, the record and the
/// figure. Thresholds are values (`DepartmentMatch.Thresholds`), so a deployment can set its own.
public enum DepartmentMatch {
    /// 比对规则, each with the practice it follows.
    public enum Rule: String, CaseIterable, Sendable, Hashable {
        /// 死亡人员仍在户 — 公安/民政 death records (the Mashan audit; 动态管理 removes the dead).
        case deceased = "已死亡仍在户"
        /// 户籍迁出 — a member moved out yet counted.
        case movedOut = "户籍已迁出"
        /// 有车 — a vehicle other than production vehicles, or any valued above the threshold (错评剔除: 家庭成员拥有小轿车).
        case vehicle = "拥有非生产用车辆"
        /// 有商品房、门面 — commercial or office property.
        case property = "拥有商业用房"
        /// 经商办企业 — an active enterprise or individual business (a 农民专业合作社 is not a flag).
        case business = "经营企业或个体工商户"
        /// 财政供养人员 — on the public payroll.
        case payroll = "财政供养人员"
        /// 职工养老保险 — paying employee pension recently (formal employment).
        case pension = "参加职工养老保险"
        /// 辍学 — the school roll says 辍学 for a member the registry says is at school.
        case dropout = "学籍辍学但登记在校"
        /// 无学籍 — a school-age member of a registered household with no roll (义务教育有保障).
        case noRoll = "适龄儿童无学籍"
    }

    public struct Thresholds: Sendable, Hashable {
        /// 估值 above this (yuan) flags even a production vehicle.
        public var vehicleValue: Money
        /// Pension paid within this many months of the reference date counts as recent.
        public var pensionMonths: Int
        /// School age on 1 September of the year.
        public var schoolAges: ClosedRange<Int>
        public init(vehicleValue: Money = Money(yuan: 30_000), pensionMonths: Int = 12, schoolAges: ClosedRange<Int> = 6...15) {
            self.vehicleValue = vehicleValue
            self.pensionMonths = pensionMonths
            self.schoolAges = schoolAges
        }
    }

    /// 生产用车 — not a flag unless valued above the threshold.
    public static let productionVehicles: Set<String> = ["拖拉机", "三轮汽车", "低速货车", "普通二轮摩托车", "轻便二轮摩托车", "变型拖拉机", "三轮摩托车"]
    static let atSchool: Set<Schooling> = [.preschool, .primary, .grade7, .grade8, .grade9, .seniorSecondary, .secondaryVocational, .higherVocational,
                                           .college, .homeTeaching]

    public struct Flag: Sendable, Hashable {
        public var household: Household.ID
        public var householdNumber: String
        public var village: AreaCode
        public var idNumber: String
        public var name: String
        public var kind: DepartmentRecord.Kind?
        public var rule: Rule
        public var explanation: String
        /// What a decision is kept under: the rule, the member and the record (a 不属实 decision holds for this record only).
        public var key: String
    }

    /// The flags of the households for `year` (reference date 31 December, or `asOf` when earlier).
    /// `schoolRolls`: whether the county's school roll is loaded (by default: whether `records` hold any), for the
    /// 无学籍 rule when only some members' records are given.
    public static func evaluate(records: [DepartmentRecord], homes: [LeakCheck.Home], year: Int, asOf: LocalDate? = nil,
                                thresholds: Thresholds = Thresholds(), schoolRolls: Bool? = nil) -> [Flag] {
        let day = min(asOf ?? LocalDate.yearEnd(year), LocalDate.yearEnd(year))
        var owner: [String: (LeakCheck.Home, LeakCheck.Person)] = [:]
        for h in homes { for m in h.members { owner[m.idNumber] = (h, m) } }
        var flags: [Flag] = []
        func add(_ h: LeakCheck.Home, _ m: LeakCheck.Person, _ r: DepartmentRecord?, _ rule: Rule, _ text: String) {
            let record = r.map { "\($0.kind.rawValue):\($0.date?.description ?? ""):\($0.fields.sorted { $0.key < $1.key }.map(\.value).joined(separator: ","))" } ?? ""
            flags.append(Flag(household: h.id, householdNumber: h.number, village: h.village, idNumber: m.idNumber, name: m.name, kind: r?.kind, rule: rule,
                              explanation: text, key: "\(rule.rawValue)|\(m.idNumber)|\(record)"))
        }
        let who: (LeakCheck.Person, DepartmentRecord) -> String = { m, r in "成员\(m.name.isEmpty ? r.name : m.name)（\(m.idNumber)）" }
        var rolls: Set<String> = []
        var schoolLoaded = false
        for r in records {
            if r.kind == .school { schoolLoaded = true; rolls.insert(r.idNumber) }
            guard let (h, m) = owner[r.idNumber] else { continue }
            if let d = r.date, d > day { continue }
            let f = r.fields
            switch r.kind {
            case .deaths:
                add(h, m, r, .deceased, "\(who(m, r))据\(r.kind.department)记录于\(r.date!)死亡，仍计入本户")
            case .moves:
                add(h, m, r, .movedOut, "\(who(m, r))于\(r.date!)户籍迁出至\(f["迁往地区"] ?? "外地")，仍计入本户")
            case .vehicles:
                let type = f["车辆类型"] ?? ""
                let value = f["估值"].flatMap { try? Money.parse(yuan: $0).get() }
                let valued = value.map { $0 > thresholds.vehicleValue } ?? false
                if !productionVehicles.contains(type) || valued {
                    let price = value.map { "，估值\($0.compactYuan)元" } ?? ""
                    add(h, m, r, .vehicle, "\(who(m, r))名下有\(type)（\(f["号牌号码"] ?? "")，\(r.date!)登记\(price)）")
                }
            case .property:
                let use = f["用途"] ?? ""
                if ["商业", "办公", "商服", "商住"].contains(where: { use.contains($0) }) {
                    add(h, m, r, .property, "\(who(m, r))名下有\(use)用房（\(f["坐落"] ?? "")，\(f["建筑面积"] ?? "")平方米，\(r.date!)登记）")
                }
            case .business:
                if f["登记状态"] == "存续", !(f["主体类型"] ?? "").contains("合作社") {
                    add(h, m, r, .business, "\(who(m, r))是存续的\(f["主体类型"] ?? "市场主体")“\(f["主体名称"] ?? "")”的股东或经营者（\(r.date!)成立）")
                }
            case .payroll:
                add(h, m, r, .payroll, "\(who(m, r))为财政供养人员（\(f["单位"] ?? "")，\(r.date!)入编）")
            case .pension:
                if let last = r.date, (day.year * 12 + day.month) - (last.year * 12 + last.month) < thresholds.pensionMonths {
                    add(h, m, r, .pension, "\(who(m, r))在\(f["参保单位"] ?? "")参加职工养老保险，累计缴费\(f["缴费月数"] ?? "")个月，最近缴费\(last.year)年\(last.month)月")
                }
            case .school:
                if f["在籍状态"] == "辍学", let s = m.schooling, atSchool.contains(s) {
                    add(h, m, r, .dropout, "\(who(m, r))学籍（\(f["学校"] ?? "")）显示辍学，建档立卡登记为\(s.rawValue)在读")
                }
            }
        }
        if schoolRolls ?? schoolLoaded {
            let september = LocalDate(year: year, month: 9, day: 1)!
            for h in homes where h.exitYear.map({ $0 >= year }) ?? true {
                for m in h.members where thresholds.schoolAges.contains(m.birth.age(on: september)) && !rolls.contains(m.idNumber) {
                    add(h, m, nil, .noRoll, "成员\(m.name)（\(m.idNumber)）\(m.birth.age(on: september))岁，学籍库中没有记录")
                }
            }
        }
        return flags.sorted { ($0.householdNumber, $0.rule.rawValue, $0.idNumber) < ($1.householdNumber, $1.rule.rawValue, $1.idNumber) }
    }
}
