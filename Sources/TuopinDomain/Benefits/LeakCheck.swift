/// 防漏 — the checks of a county's year of benefit payments against the registry (issue #16 item 6): paid to
/// someone not registered, paid after the household's exit beyond what the policy allows, paid twice in a month,
/// over the policy's yearly cap, paid to someone on the public payroll or their household member, and entitled but
/// not received (a child of compulsory-school age at school with no 教育资助; an unsafe house with neither 危房改造
/// nor relocation). Each flag says why, in words a verifier can check. Pure: the registry facts and the payments are given.
public enum LeakCheck {
    /// 规则
    public enum Rule: String, Vocabulary {
        case notRegistered = "不在建档立卡名单"
        case afterExit = "退出后超期享受"
        case paidTwice = "重复发放"
        /// Paid to a person after the date of death or of moving out that the departments' records give (公安/民政).
        case afterDeath = "死亡后仍发放"
        case afterMove = "户籍迁出后仍发放"
        case overCap = "超标准发放"
        /// Paid to a person on the public payroll or to their household member (`OfficialTie`).
        case official = "公职人员或其亲属领取"
        case schoolAge = "应享未享：义务教育阶段资助"
        case unsafeHouse = "应享未享：危房改造"
    }

    /// A registry member as the check needs them.
    public struct Person: Sendable, Hashable {
        public var idNumber: String
        public var birth: LocalDate
        public var schooling: Schooling?
        public var name: String
        public init(idNumber: String, birth: LocalDate, schooling: Schooling?, name: String = "") {
            self.idNumber = idNumber; self.birth = birth; self.schooling = schooling; self.name = name
        }
    }

    /// A registry household as the check needs it.
    public struct Home: Sendable, Hashable {
        public var id: Household.ID
        public var number: String
        public var village: AreaCode
        public var exitYear: Int?
        public var housing: HousingGrade?
        public var housingResolved: Bool
        public var members: [Person]
        public init(id: Household.ID, number: String, village: AreaCode, exitYear: Int?, housing: HousingGrade?, housingResolved: Bool, members: [Person]) {
            self.id = id; self.number = number; self.village = village; self.exitYear = exitYear; self.housing = housing
            self.housingResolved = housingResolved; self.members = members
        }
    }

    public struct Flag: Sendable, Hashable {
        public var household: Household.ID?
        public var householdNumber: String
        public var village: AreaCode?
        public var idNumber: String
        public var policy: String
        public var rule: Rule
        public var amount: Money
        public var note: String
        public var year: Int

        /// What a decision on the flag is kept under.
        public var key: String { "\(year)|\(idNumber)|\(policy)|\(rule.rawValue)" }
    }

    /// A person's payments under one policy are checked together, in ID-number then policy order.
    struct PersonPolicy: Hashable, Comparable {
        var idNumber: String
        var policy: String
        static func < (a: Self, b: Self) -> Bool { (a.idNumber, a.policy) < (b.idNumber, b.policy) }
    }

    struct HomePolicy: Hashable {
        var home: Household.ID
        var policy: String
    }

    static let compulsory: Set<Schooling> = [.primary, .grade7, .grade8, .grade9, .homeTeaching]

    /// `deaths` and `moves`: the date of death and of moving out by ID number, from the departments' files
    /// (信息比对): a payment dated after it is a leak to the dead or to someone gone. `officials`: the recipients tied
    /// to the public payroll (`OfficialTie.ties`).
    public static func evaluate(year: Int, payments: [Benefit], homes: [Home], policies: BenefitPolicies,
                                deaths: [String: LocalDate] = [:], moves: [String: LocalDate] = [:], officials: [String: OfficialTie] = [:]) -> [Flag] {
        var flags: [Flag] = []
        var owner: [String: Int] = [:]
        owner.reserveCapacity(homes.count * 4)
        for (i, h) in homes.enumerated() { for m in h.members { owner[m.idNumber] = i } }
        let mine = payments.filter { $0.date.year == year }
        let byPerson = Dictionary(grouping: mine, by: { PersonPolicy(idNumber: $0.idNumber, policy: $0.policy) })
        for key in byPerson.keys.sorted() {
            let paid = byPerson[key]!.sorted { ($0.date, $0.id?.rawValue ?? 0) < ($1.date, $1.id?.rawValue ?? 0) }
            let first = paid[0]
            let total = paid.reduce(Money.zero) { $0 + $1.amount }
            let policy = policies.policy(first.policy)
            let name = policy?.name ?? first.policy
            let home = owner[first.idNumber].map { homes[$0] }
            func flag(_ rule: Rule, _ amount: Money, _ note: String) {
                flags.append(Flag(household: home?.id, householdNumber: home?.number ?? "", village: home?.village, idNumber: first.idNumber,
                                  policy: first.policy, rule: rule, amount: amount, note: note, year: year))
            }
            if let died = deaths[first.idNumber], case let late = paid.filter({ $0.date > died }), !late.isEmpty {
                flag(.afterDeath, late.reduce(Money.zero) { $0 + $1.amount },
                     "\(first.name)（\(first.idNumber)）据公安、民政记录于\(died)死亡，此后仍发放\(name) \(late.count) 笔（\(late.map { "\($0.date) \($0.amount.compactYuan)元" }.joined(separator: "、"))）")
            }
            if let left = moves[first.idNumber], case let late = paid.filter({ $0.date > left }), !late.isEmpty {
                flag(.afterMove, late.reduce(Money.zero) { $0 + $1.amount },
                     "\(first.name)（\(first.idNumber)）于\(left)户籍迁出，此后仍发放\(name) \(late.count) 笔（\(late.map { "\($0.date) \($0.amount.compactYuan)元" }.joined(separator: "、"))）")
            }
            if let tie = officials[first.idNumber] {
                let who = tie.kin ? "与\(tie.title)\(tie.name)（\(tie.unit)）同户" : "为\(tie.title)（\(tie.unit)）"
                flag(.official, total, "\(first.name)（\(first.idNumber)）\(who)，\(year)年领取\(name) \(paid.count) 笔共\(total.compactYuan)元")
            }
            guard let home else {
                flag(.notRegistered, total, "\(first.name)（\(first.idNumber)）不是本县建档立卡人员，\(year)年领取\(name) \(paid.count) 笔")
                continue
            }
            if let exit = home.exitYear, let allowed = policy?.yearsAfterExit, year > exit + allowed {
                flag(.afterExit, total, "该户\(exit)年已脱贫，\(name)\(allowed == 0 ? "脱贫后即停止" : "只享受到\(exit + allowed)年")，\(year)年仍发放")
            }
            // `paid` is in date order: a month's payments are neighbours.
            var start = 0
            while start < paid.count {
                let month = paid[start].date.month
                var end = start + 1
                while end < paid.count, paid[end].date.month == month { end += 1 }
                if end - start > 1 {
                    let dup = paid[start..<end]
                    flag(.paidTwice, dup.dropFirst().reduce(Money.zero) { $0 + $1.amount },
                         "\(year)年\(month)月发放\(dup.count)次（\(dup.map { "\($0.date) \($0.amount.compactYuan)元" }.joined(separator: "、"))）")
                }
                start = end
            }
            if let cap = policy?.yearlyCap, cap.fen > 0, total > cap {
                flag(.overCap, total - cap, "全年\(total.compactYuan)元，超过每人每年\(cap.compactYuan)元的标准")
            }
        }
        // 应享未享
        let paidKeys = Set(byPerson.keys)
        let paidHomes = Set(mine.compactMap { p in owner[p.idNumber].map { HomePolicy(home: homes[$0].id, policy: p.policy) } })
        let schoolDay = LocalDate(year: year, month: 9, day: 1)!
        for h in homes.sorted(by: { $0.number < $1.number }) where h.exitYear.map({ $0 >= year }) ?? true {
            if let keys = policies.entitlements["school_age"] {
                for m in h.members where compulsory.contains(m.schooling ?? .notInSchool) && (6...15).contains(m.birth.age(on: schoolDay))
                    && !keys.contains(where: { paidKeys.contains(PersonPolicy(idNumber: m.idNumber, policy: $0)) }) {
                    flags.append(Flag(household: h.id, householdNumber: h.number, village: h.village, idNumber: m.idNumber, policy: keys[0], rule: .schoolAge,
                                      amount: .zero, note: "\(m.birth.age(on: schoolDay))岁，\(m.schooling!.rawValue)在读，\(year)年未见\(keys.compactMap { policies.policy($0)?.name }.joined(separator: "或"))", year: year))
                }
            }
            if let keys = policies.entitlements["unsafe_house"], h.housing?.isDangerous == true, !h.housingResolved,
               !keys.contains(where: { paidHomes.contains(HomePolicy(home: h.id, policy: $0)) }), let head = h.members.first {
                flags.append(Flag(household: h.id, householdNumber: h.number, village: h.village, idNumber: head.idNumber, policy: keys[0], rule: .unsafeHouse,
                                  amount: .zero, note: "住房\(h.housing!.rawValue)级危房且未解决，\(year)年未见\(keys.compactMap { policies.policy($0)?.name }.joined(separator: "或"))", year: year))
            }
        }
        return flags
    }
}
