import Foundation
import TuopinDomain

/// Makes a realistic county registry: real township codes, households whose members' ages,
/// relations and schooling fit together, ID numbers valid for the county code in force in each
/// birth year, incomes, causes and types in plausible proportions, some households exited in
/// earlier years and some not yet meeting the exit conditions. Same seed, same county.
public struct RegistryGenerator {
    public struct Summary: Sendable {
        public var households = 0
        public var members = 0
        public var faultyRows = 0
        public var faults: [GeneratedFault: Int] = [:]
        /// Households and persons written per village, and the households and persons that exited each year.
        public var villages: [AreaCode: GeneratedVillage] = [:]
        /// 数字脱贫 planted, by pattern (with `GeneratorOptions.fabrication`).
        public var fabricated: [PaperExitPatterns.Pattern: Set<String>] = [:]
        /// The households as the checks see them (with `GeneratorOptions.keepHomes`), numbered in the order written.
        public var homes: [LeakCheck.Home] = []
    }

    var random: SeededRandom
    let options: GeneratorOptions
    /// The villages households are spread over, in order.
    public let villages: [AreaCode]
    let countyName: String
    let history: RegionCodeHistory
    var usedIDs = Set<String>()
    var fabrication: GeneratedFabrication
    var regionByYear: [Int: String] = [:]
    let referenceDate: LocalDate
    private let line: Money

    public init(options: GeneratorOptions, catalog: DivisionCatalog = .shipped, history: RegionCodeHistory = DivisionCatalog.regionHistory) throws {
        self.options = options
        self.history = history
        random = SeededRandom(seed: options.seed)
        fabrication = GeneratedFabrication(seed: options.seed, share: options.fabrication)
        guard let county = catalog.area(options.county), county.level == .county else {
            throw FileFault("区划表中没有县级代码\(options.county.countyPart)", "no county with code \(options.county.countyPart) in the division list")
        }
        countyName = county.name
        let townships = catalog.townships(of: county.code)
        guard !townships.isEmpty else {
            throw FileFault("县\(county.name)（\(options.county.countyPart)）在区划表中没有乡镇", "county \(options.county.countyPart) has no townships in the division list")
        }
        // About 150 registered households per village (the seeds' counties: 60–250).
        let villageCount = max(townships.count, (options.households + 149) / 150)
        var codes: [AreaCode] = []
        var gen = SeededRandom(seed: options.seed ^ 0xA5A5)
        var perTownship = Array(repeating: 0, count: townships.count)
        for i in 0..<villageCount { perTownship[i < townships.count ? i : gen.int(0...(townships.count - 1))] += 1 }
        for (t, n) in zip(townships, perTownship) {
            for v in 1...max(1, n) {
                let suffix = String(200 + v)
                codes.append(AreaCode(t.code.prefix + suffix)!)
            }
        }
        villages = codes
        referenceDate = LocalDate.yearEnd(options.year)
        line = (StandardsCatalog.shipped.line(for: options.year) ?? StandardsCatalog.shipped.line(for: 2016)!).amount
    }

    /// Writes the registry to `url` (.csv or .xlsx); `progress` gets households written. With a first year
    /// (`GeneratorOptions.firstYear`), `yearFile` names a file for each earlier year, which gets the registry as
    /// it stood that year: the households identified by then, that year's income, exits up to it. An exchange
    /// file holds one income year, so the history is loaded file by file, oldest first, then `url`.
    public mutating func write(to url: URL, yearFile: ((Int) -> URL)? = nil, progress: ((Int) -> Void)? = nil) throws -> Summary {
        var writer = try RegistryFileWriters.open(url)
        var earlier: [(year: Int, writer: any RegistryFileWriter)] = []
        if let first = options.firstYear, let yearFile, first < options.year {
            for year in first..<options.year { earlier.append((year, try RegistryFileWriters.open(yearFile(year)))) }
        }
        var summary = Summary()
        var perVillage: [AreaCode: Int] = [:]
        for i in 0..<options.households {
            let village = villages[i % villages.count]
            perVillage[village, default: 0] += 1
            var household = makeHousehold(number: village.value + String(format: "%04d", perVillage[village]!), village: village)
            let split = fabrication.apply(to: &household, line: { StandardsCatalog.shipped.line(for: $0)?.amount },
                                          splitNumber: options.firstYear == nil ? "" : village.value + String(format: "%04d", perVillage[village]! + 1))
            // The household split off takes the village's next number, so that numbers stay consecutive.
            if split != nil { perVillage[village, default: 0] += 1 }
            var rows = RegistryRowFormatter.rows(household) + (split.map { RegistryRowFormatter.rows($0.separated) } ?? [])
            if options.errorRate > 0, random.chance(options.errorRate) {
                let fault = random.pick(GeneratedFault.allCases)
                fault.apply(to: &rows[random.int(0...(rows.count - 1))])
                summary.faultyRows += 1
                summary.faults[fault, default: 0] += 1
            }
            for row in rows { try writer.write(row: row) }
            for index in earlier.indices {
                let year = earlier[index].year
                // A split household is written whole for the years before the split, then as two.
                let held = split.map { year < $0.year ? [$0.before] : [household, $0.separated] } ?? [household]
                for then in held.compactMap({ $0.asOf(year) }) {
                    for row in RegistryRowFormatter.rows(then, incomeYear: year) { try earlier[index].writer.write(row: row) }
                }
            }
            if options.keepHomes {
                for h in [household] + (split.map { [$0.separated] } ?? []) { summary.homes.append(Self.home(h, id: summary.homes.count + 1)) }
            }
            summary.villages[village, default: GeneratedVillage()].add(household)
            if let split {
                summary.villages[village, default: GeneratedVillage()].add(split.separated)
                summary.households += 1
            }
            summary.households += 1
            summary.members += rows.count
            if (i + 1) % 10_000 == 0 { progress?(i + 1) }
        }
        try writer.close()
        for index in earlier.indices { try earlier[index].writer.close() }
        summary.fabricated = fabrication.plantedFound
        return summary
    }

    static func home(_ h: Household, id: Int) -> LeakCheck.Home {
        LeakCheck.Home(id: Household.ID(Int64(id)), number: h.number, village: h.villageCode, exitYear: h.exitYear, housing: h.housingGrade,
                       housingResolved: h.housingResolved ?? false,
                       members: h.members.map { LeakCheck.Person(idNumber: $0.id.number, birth: $0.birthDate, schooling: $0.schooling, name: $0.name) })
    }

    // MARK: households

    mutating func makeHousehold(number: String, village: AreaCode) -> Household {
        var members = makeMembers()
        let illness = members.contains { $0.health == .seriousIllness || $0.health == .chronicIllness }
        let disabled = members.contains { $0.health == .disabled }
        let student = members.contains { [.seniorSecondary, .secondaryVocational, .higherVocational, .college].contains($0.schooling) }
        var causeWeights: [(PovertyCause, Double)] = [
            (.illness, illness ? 3 : 0.6), (.disability, disabled ? 3 : 0.2), (.schooling, student ? 1.5 : 0.1),
            (.lackOfSkills, 1.8), (.lackOfCapital, 1.5), (.lackOfLabour, members.count == 1 ? 2 : 0.8),
            (.lowMotivation, 0.5), (.poorTransport, 0.4), (.lackOfLand, 0.3), (.lackOfWater, 0.2), (.disaster, 0.2), (.other, 0.1),
        ]
        let main = random.weighted(causeWeights)
        causeWeights.removeAll { $0.0 == main }
        var others: [PovertyCause] = []
        for _ in 0..<random.weighted([(0, 0.5), (1, 0.35), (2, 0.15)]) {
            let c = random.weighted(causeWeights)
            causeWeights.removeAll { $0.0 == c }
            others.append(c)
        }
        let elderlyAlone = members.count == 1 && members[0].birthDate.age(on: referenceDate) >= 60
        let type: HouseholdType = elderlyAlone && random.chance(0.5) ? .extremePoverty
            : random.weighted([(.ordinary, 0.70), (.minimumIncome, 0.26), (.extremePoverty, 0.04)])
        let identified = min(options.year, random.weighted([(2014, 0.8), (2015, 0.1), (2016, 0.07), (2017, 0.03)]))
        var exitYear: Int? = nil
        var incomes: [HouseholdIncome]
        if let first = options.firstYear {
            exitYear = campaignExit(identified: identified, first: first)
            incomes = makeIncomes(from: max(first, identified), exitYear: exitYear, size: members.count, type: type, canWork: Self.canWork(members))
        } else {
            if options.year > identified, random.chance(0.30) {
                exitYear = random.int(identified...(options.year - 1))
            }
            // Exited households and about 40% of the others are above the line; the rest below.
            let ratio = exitYear != nil ? 1.15 + random.unit() * 1.4 : (random.chance(0.4) ? 1.02 + random.unit() * 0.8 : 0.45 + random.unit() * 0.5)
            incomes = [makeIncome(year: options.year, perCapitaTarget: Double(line.fen) / 100 * ratio, size: members.count, type: type, canWork: Self.canWork(members))]
        }
        let grade: HousingGrade? = random.chance(0.02) ? nil : random.weighted([(.a, 0.45), (.b, 0.40), (.c, 0.10), (.d, 0.05)])
        let resolved: Bool? = grade?.isDangerous == true ? (exitYear != nil ? true : random.chance(0.5)) : nil
        func answer(_ yes: Double) -> Bool? { random.chance(0.02) ? nil : random.chance(yes) }
        let food = exitYear != nil ? true : answer(0.96)
        let clothing = exitYear != nil ? true : answer(0.97)
        let water = exitYear != nil ? true : answer(0.9)
        let power = exitYear != nil ? true : answer(0.99)
        let broadcast = exitYear != nil ? true : answer(0.95)
        let phone: String? = random.chance(0.75) ? "1" + String(random.pick([3, 5, 7, 8, 9])) + String(format: "%09d", random.int(0...999_999_999)) : nil
        if exitYear != nil {
            for i in members.indices where members[i].medicalInsurance != true { members[i].medicalInsurance = true }
        }
        return Household(number: number, villageCode: village, type: type, standard: random.chance(0.95) ? .national : .provincial,
                         mainCause: main, otherCauses: others, identifiedYear: identified, exitYear: exitYear,
                         housingGrade: grade, housingResolved: resolved, foodSecure: food, clothingSecure: clothing,
                         waterSafe: water, phone: phone, powerSupplied: power, broadcastReception: broadcast,
                         members: members, incomes: incomes)
    }

    /// The year a household exits in a campaign from `first` to `options.year` (nil: not yet): about 93% by the
    /// last year, most in the middle years, none in the year it was identified.
    private mutating func campaignExit(identified: Int, first: Int) -> Int? {
        let years = Array(max(identified + 1, first + 1)...max(identified + 1, options.year)).filter { $0 <= options.year }
        guard !years.isEmpty, random.chance(0.93) else { return nil }
        let peak = Double(first + options.year) / 2 + 0.5
        return random.weighted(years.map { y -> (Int, Double) in (y, 1.6 - min(1.2, abs(Double(y) - peak) * 0.35)) })
    }

    /// An income for every year from `from` to the registry's year: below the line before the exit, above it
    /// from the exit on and growing; a few exited households fall back near the line in the last year
    /// (what 防返贫监测 looks for), and about 40% of those not exited already meet the line.
    private mutating func makeIncomes(from: Int, exitYear: Int?, size: Int, type: HouseholdType, canWork: Bool) -> [HouseholdIncome] {
        let fallsBack = exitYear.map { $0 < options.year } == true && random.chance(0.04)
        let meetsAlready = exitYear == nil && random.chance(0.4)
        var ratio = 0.45 + random.unit() * 0.4
        var result: [HouseholdIncome] = []
        var shares: IncomeShares?
        for year in from...options.year {
            let line = StandardsCatalog.shipped.line(for: year)?.amount ?? self.line
            if let exit = exitYear, year >= exit {
                // An honest exit year at most about 2.2 times the year before (and clear of the line by 12%).
                ratio = year == exit ? max(1.12, min(1.1 + random.unit() * 0.6, ratio * 2.2)) : ratio * (1.03 + random.unit() * 0.12)
                if fallsBack, year == options.year { ratio = 0.9 + random.unit() * 0.25 }
            } else if meetsAlready, year == options.year {
                ratio = 1.02 + random.unit() * 0.6
            } else {
                ratio = min(0.98, ratio * (1.0 + random.unit() * 0.12))
            }
            result.append(makeIncome(year: year, perCapitaTarget: Double(line.fen) / 100 * ratio, size: size, type: type, canWork: canWork,
                                     shares: &shares))
        }
        return result
    }

    /// Someone in the household can work (a household with no one able to work earns no wages).
    static func canWork(_ members: [Member]) -> Bool {
        members.contains { $0.labour != .lost && $0.labour != LabourCapacity.none }
    }

    /// A household's mix of income (transfer and wage shares), kept from year to year so that no component jumps
    /// without a cause (an honest record shows none of 数字脱贫's traces).
    typealias IncomeShares = (transfer: Double, wage: Double, expense: Double)

    private mutating func makeIncome(year: Int, perCapitaTarget: Double, size: Int, type: HouseholdType, canWork: Bool = true) -> HouseholdIncome {
        var shares: IncomeShares?
        return makeIncome(year: year, perCapitaTarget: perCapitaTarget, size: size, type: type, canWork: canWork, shares: &shares)
    }

    /// The first year draws the household's shares; later years vary them by at most ±10% (the same random draws).
    private mutating func makeIncome(year: Int, perCapitaTarget: Double, size: Int, type: HouseholdType, canWork: Bool,
                                     shares: inout IncomeShares?) -> HouseholdIncome {
        let net = perCapitaTarget * Double(size)
        let u = (random.unit(), random.unit(), random.unit(), random.unit())
        var transferShare = type == .ordinary ? 0.12 + u.0 * 0.1 : 0.3 + u.0 * 0.2
        var wageShare = (1 - transferShare) * (0.4 + u.1 * 0.4)
        var expenseShare = 0.2 + u.3 * 0.2
        if let kept = shares {
            // Each share moves by at most ±10%, business included, and the three still make the whole.
            let t = kept.transfer * (0.9 + u.0 * 0.2), w = kept.wage * (0.9 + u.1 * 0.2), b = max(0, 1 - kept.transfer - kept.wage)
            transferShare = t / (t + w + b)
            wageShare = w / (t + w + b)
            expenseShare = kept.expense * (0.9 + u.3 * 0.2)
        } else {
            shares = (transferShare, wageShare, expenseShare)
        }
        let businessNet = net - net * transferShare - net * wageShare
        let property = net * 0.02 * u.2
        let expense = max(0, businessNet * expenseShare)
        func yuan(_ x: Double) -> Money { Money(yuan: Int64(max(0, x).rounded())) }
        // With no one able to work, what would be wages comes as transfers (the random draws stay the same).
        let wage = canWork ? yuan(net * wageShare) : .zero, transfer = yuan(net * transferShare + (canWork ? 0 : net * wageShare)), prop = yuan(property)
        let exp = yuan(expense)
        // Business income closes the sum so the per-capita figure lands on the target.
        let business = Money(fen: max(0, Int64((net * 100).rounded()) - wage.fen - transfer.fen - prop.fen + exp.fen) / 100 * 100)
        return HouseholdIncome(year: year, wage: wage, business: business, property: prop, transfer: transfer, businessExpense: exp)
    }
}
