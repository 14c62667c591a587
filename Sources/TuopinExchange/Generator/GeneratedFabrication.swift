import TuopinDomain

/// 数字脱贫 planted for `tuopin generate --with-fabrication`: a known share of exiting households given the traces
/// the editorials describe — (a) an exit-year income made to sit just over the line, (b) the same income figures
/// copied into several households of one village, (c) wages multiplied in the exit year with no one recorded as
/// working — so that what `PaperExitPatterns` finds can be counted against what was planted. Its own random
/// stream: the honest households are the same with or without it.
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

    /// Fabricates one exiting household's exit year (with the year before it on record), or leaves it as it is.
    public mutating func apply(to h: inout Household, line: (Int) -> Money?) {
        guard share > 0, let exit = h.exitYear, let i = h.incomes.firstIndex(where: { $0.year == exit }),
              h.incomes.contains(where: { $0.year == exit - 1 }), let line = line(exit) else { return }
        // A copied group under way takes the village's next exit of the year, so that groups reach three.
        let pending = templates["\(h.villageCode.value)|\(exit)"].map { $0.numbers.count < 3 } ?? false
        guard pending || random.chance(share) else { return }
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
            guard let before = h.incomes.first(where: { $0.year == exit - 1 })?.wage, before.fen > 0 else { return }
            var income = h.incomes[i]
            income.wage = Money(fen: before.fen * 4)
            h.incomes[i] = income
            for m in h.members.indices {
                h.members[m].workPlace = nil
                h.members[m].workMonths = nil
            }
            planted[.multiplied, default: []].insert(h.number)
        }
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
