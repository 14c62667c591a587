import TuopinDomain

/// 数字脱贫 planted for `tuopin generate --with-fabrication`: a known share of exiting households given the traces
/// the editorials describe — (a) an exit-year income made to sit just over the line, (b) the same income figures
/// copied into several households of one village, (c) wages multiplied in the exit year with no one recorded as
/// working, (d) the elderly parents split off into a household of their own the year before the exit, so that the
/// same income over fewer heads clears the line — so that what `PaperExitPatterns` finds can be counted against
/// what was planted. Its own random stream: the honest households are the same with or without it.
public struct GeneratedFabrication: Sendable {
    var random: SeededRandom
    let share: Double
    /// (b): the figures of the first household of a village and exit year, and the households given them.
    var templates: [String: (income: HouseholdIncome, numbers: [String])] = [:]
    /// Pattern → 户编号 planted.
    public private(set) var planted: [PaperExitPatterns.Pattern: Set<String>] = [:]

    public init(seed: UInt64, share: Double) {
        random = SeededRandom(seed: seed &+ 0xFA_B21C)
        self.share = share
    }

    /// The households of (b) that ended up in a group large enough to be found (three or more).
    public var plantedFound: [PaperExitPatterns.Pattern: Set<String>] {
        var all = planted
        all[.identical] = Set(templates.values.filter { $0.numbers.count >= 3 }.flatMap(\.numbers))
        return all
    }

    /// (d): the household as the registry held it before the split (for the years before `year`), and the household
    /// split off in `year` (the year before the exit) holding the parents.
    public struct Split: Sendable {
        public var before: Household
        public var separated: Household
        public var year: Int
    }

    /// Fabricates one exiting household's exit year (with the year before it on record), or leaves it as it is.
    /// A split household comes back as `Split` (`h` is then the household after it); `number` names the new one.
    @discardableResult
    public mutating func apply(to h: inout Household, line: (Int) -> Money?, splitNumber number: String = "") -> Split? {
        guard share > 0, let exit = h.exitYear, let i = h.incomes.firstIndex(where: { $0.year == exit }),
              h.incomes.contains(where: { $0.year == exit - 1 }), let line = line(exit) else { return nil }
        // A copied group under way takes the village's next exit of the year, so that groups reach three.
        let pending = templates["\(h.villageCode.value)|\(exit)"].map { $0.numbers.count < 3 } ?? false
        guard pending || random.chance(share) else { return nil }
        if !pending, !number.isEmpty, random.chance(0.9), let split = split(&h, exit: exit, line: line, number: number) { return split }
        let size = Int64(max(1, h.members.count))
        switch pending ? 1 : random.int(0...2) {
        case 0:
            // (a) just over the line: 1–8% above, the components scaled to it.
            let target = line.fen * size * Int64(101 + random.int(0...7)) / 100
            h.incomes[i] = Self.scaled(h.incomes[i], to: target)
            planted[.narrowBand, default: []].insert(h.number)
        case 1:
            // (b) the village's figures for the year copied (all of them exit the same year).
            let key = "\(h.villageCode.value)|\(exit)"
            if var t = templates[key] {
                h.incomes[i] = HouseholdIncome(year: exit, wage: t.income.wage, business: t.income.business, property: t.income.property,
                                               transfer: t.income.transfer, businessExpense: t.income.businessExpense)
                t.numbers.append(h.number)
                templates[key] = t
            } else {
                let rounded = Self.rounded(h.incomes[i])
                h.incomes[i] = rounded
                templates[key] = (rounded, [h.number])
            }
        default:
            // (c) wages four times the year before, no one recorded as working away.
            guard let before = h.incomes.first(where: { $0.year == exit - 1 })?.wage, before.fen > 0 else { return nil }
            var income = h.incomes[i]
            income.wage = Money(fen: before.fen * 4)
            h.incomes[i] = income
            for m in h.members.indices {
                h.members[m].workPlace = nil
                h.members[m].workMonths = nil
            }
            planted[.multiplied, default: []].insert(h.number)
        }
        return nil
    }

    /// (d): the members aged 60 or more at the end of the year before the exit (the head's parents, or an old head
    /// and spouse, whose son or daughter then heads the household) leave for a household of their own that year (a
    /// 低保 household living on transfers); the exit-year income, divided among those who stay, clears the line by
    /// 12–30% and would not have cleared it for all. Nil where no adult under 60 would stay.
    mutating func split(_ h: inout Household, exit: Int, line: Money, number: String) -> Split? {
        let reference = LocalDate.yearEnd(exit - 1)
        let leaving = h.members.filter { $0.birthDate.age(on: reference) >= PaperExitPatterns.elderlyAge }
        var staying = h.members.filter { $0.birthDate.age(on: reference) < PaperExitPatterns.elderlyAge }
        guard let oldest = staying.filter({ $0.birthDate.age(on: reference) >= 18 }).min(by: { $0.birthDate < $1.birthDate }) else { return nil }
        if leaving.contains(where: { $0.relation == .head }) { staying = Self.headed(by: oldest, staying) }
        guard !leaving.isEmpty, !staying.isEmpty, h.incomes.contains(where: { $0.year == exit - 2 }),
              let i = h.incomes.firstIndex(where: { $0.year == exit }) else { return nil }
        let ratio = Int64(112 + random.int(0...18))
        let target = line.fen * Int64(staying.count) * ratio / 100
        guard target / Int64(h.members.count) < line.fen * 98 / 100 else { return nil }
        let before = h
        h.members = staying
        h.incomes[i] = Self.scaled(h.incomes[i], to: target)
        var separated = before
        separated.number = number
        separated.type = .minimumIncome
        separated.mainCause = .lackOfLabour
        separated.otherCauses = []
        separated.identifiedYear = exit - 1
        separated.exitYear = nil
        separated.phone = nil
        separated.members = leaving.sorted { ($0.relation == .head ? 0 : 1, $0.birthDate) < ($1.relation == .head ? 0 : 1, $1.birthDate) }.enumerated().map { index, m in
            var m = m
            m.relation = index == 0 ? .head : index == 1 ? .spouse : .other
            m.workPlace = nil
            m.workMonths = nil
            return m
        }
        separated.incomes = (exit - 1...max(exit - 1, before.incomes.map(\.year).max() ?? exit)).map { year in
            let pension = line.fen * Int64(leaving.count) * Int64(60 + random.int(0...25)) / 100 / 100 * 100
            return HouseholdIncome(year: year, wage: .zero, business: .zero, property: .zero, transfer: Money(fen: pension), businessExpense: .zero)
        }
        planted[.split, default: []].insert(h.number)
        return Split(before: before, separated: separated, year: exit - 1)
    }

    /// The members who stay when the old head leaves, headed by `head` (a son or daughter): their spouse becomes
    /// 配偶, their children 之子 / 之女, anyone else 其他.
    static func headed(by head: Member, _ members: [Member]) -> [Member] {
        members.map { m in
            var m = m
            if m.id.number == head.id.number {
                m.relation = .head
            } else {
                switch m.relation {
                case .daughterInLaw, .sonInLaw: m.relation = .spouse
                case .grandson, .daughtersSon: m.relation = .son
                case .granddaughter, .daughtersDaughter: m.relation = .daughter
                default: m.relation = .other
                }
            }
            return m
        }.sorted { ($0.relation == .head ? 0 : 1) < ($1.relation == .head ? 0 : 1) }
    }

    static func scaled(_ income: HouseholdIncome, to netFen: Int64) -> HouseholdIncome {
        let current = max(1, income.net.fen)
        func s(_ m: Money?) -> Money? { m.map { Money(fen: $0.fen * netFen / current / 100 * 100) } }
        var out = HouseholdIncome(year: income.year, wage: s(income.wage), business: s(income.business), property: s(income.property),
                                  transfer: s(income.transfer), businessExpense: s(income.businessExpense))
        // Business closes the sum to the yuan so the figure lands where it was meant to.
        out.business = Money(fen: max(0, (out.business?.fen ?? 0) + netFen - out.net.fen) / 100 * 100)
        return out
    }

    /// Whole hundreds, as copied figures usually are.
    static func rounded(_ income: HouseholdIncome) -> HouseholdIncome {
        func r(_ m: Money?) -> Money? { m.map { Money(fen: ($0.fen + 5_000) / 10_000 * 10_000) } }
        return HouseholdIncome(year: income.year, wage: r(income.wage), business: r(income.business), property: r(income.property),
                               transfer: r(income.transfer), businessExpense: r(income.businessExpense))
    }
}
