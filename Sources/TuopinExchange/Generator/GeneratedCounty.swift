import Foundation
import TuopinDomain

/// The village file and the yearly plans that go with a generated registry, made to agree with it: each
/// village a plausible name, a registered population giving a plausible incidence, poor villages exiting
/// in the year their incidence falls under the threshold; each township and the county a plan per year near
/// the exits the registry holds (short in some years, as plans were). Same seed, same county.
public struct GeneratedCounty: Sendable {
    public var villages: [VillageProfile]
    public var targets: [ExitTarget]

    /// The incidence under which a poor village exits (west: 3%).
    static let villageThreshold = 0.03

    public init(summary: RegistryGenerator.Summary, options: GeneratorOptions) {
        var random = SeededRandom(seed: options.seed ^ 0x5EED_C0DE)
        let first = options.firstYear ?? options.year
        var used: [String: Set<String>] = [:]
        var profiles: [VillageProfile] = []
        var remainingByYear: [AreaCode: [Int: Int]] = [:]
        var population: [AreaCode: Int] = [:]
        for code in summary.villages.keys.sorted() {
            let v = summary.villages[code]!
            let township = String(code.value.prefix(9))
            var name = NamePool.village(using: &random)
            while used[township, default: []].contains(name) { name = NamePool.village(using: &random) }
            used[township, default: []].insert(name)
            let poor = random.chance(0.4)
            let incidence = poor ? 0.2 + random.unit() * 0.25 : 0.06 + random.unit() * 0.09
            let registered = Int((Double(v.persons) / incidence).rounded())
            population[code] = registered
            // Poor persons left at the end of each year, and the first year the village is under the threshold.
            var left = v.persons
            var exitYear: Int?
            for year in first...options.year {
                left -= v.exits[year]?.persons ?? 0
                remainingByYear[code, default: [:]][year] = left
                if poor, exitYear == nil, year > first, Double(left) / Double(max(1, registered)) < Self.villageThreshold { exitYear = year }
            }
            profiles.append(VillageProfile(code: code, name: name, registeredPopulation: registered, isPoorVillage: poor, exitYear: exitYear))
        }
        villages = profiles

        var plans: [ExitTarget] = []
        let townships = Dictionary(grouping: summary.villages.keys, by: { AreaCode(String($0.value.prefix(9)))! })
        var countyYear: Int?
        let countyPopulation = population.values.reduce(0, +)
        for year in (first + 1)...max(first + 1, options.year) where year <= options.year {
            var county = (households: 0, persons: 0, villages: 0)
            for (township, codes) in townships.sorted(by: { $0.key.value < $1.key.value }) {
                let exited = codes.reduce((0, 0)) { sum, code in
                    let e = summary.villages[code]!.exits[year]
                    return (sum.0 + (e?.households ?? 0), sum.1 + (e?.persons ?? 0))
                }
                // Plans were set at the start of the year: near what was done, some a little above it.
                let factor = 0.92 + random.unit() * 0.2
                let households = Int((Double(exited.0) * factor).rounded())
                let persons = max(households, Int((Double(exited.1) * factor).rounded()))
                let villageExits = profiles.filter { codes.contains($0.code) && $0.exitYear == year }.count
                plans.append(ExitTarget(area: township, year: year, households: households, persons: persons, villages: villageExits))
                county.households += households
                county.persons += persons
                county.villages += villageExits
            }
            let left = remainingByYear.values.reduce(0) { $0 + ($1[year] ?? 0) }
            if countyYear == nil, Double(left) / Double(max(1, countyPopulation)) < Self.villageThreshold { countyYear = year }
            plans.append(ExitTarget(area: options.county, year: year, households: county.households, persons: county.persons,
                                    villages: county.villages, countyExitYear: countyYear ?? options.year))
        }
        targets = plans
    }

    /// Writes the village file (docs/VILLAGES.md) as CSV or XLSX.
    public func writeVillages(to url: URL) throws {
        var writer = try Self.open(url, header: ["村代码", "村名", "户籍人口", "贫困村", "出列年度"], sheet: "贫困村")
        for v in villages {
            try writer.write(row: [v.code.value, v.name ?? "", String(v.registeredPopulation), v.isPoorVillage ? "是" : "否",
                                   v.exitYear.map(String.init) ?? ""])
        }
        try writer.close()
    }

    /// Writes the targets file (docs/TARGETS.md) as CSV or XLSX.
    public func writeTargets(to url: URL) throws {
        var writer = try Self.open(url, header: ["区划代码", "年度", "计划脱贫户数", "计划脱贫人数", "计划出列村数", "计划摘帽年度"], sheet: "减贫计划")
        for t in targets {
            try writer.write(row: [t.area.prefix,
                                   String(t.year), String(t.households), String(t.persons), t.villages.map(String.init) ?? "",
                                   t.countyExitYear.map(String.init) ?? ""])
        }
        try writer.close()
    }

    static func open(_ url: URL, header: [String], sheet: String) throws -> any RegistryFileWriter {
        switch url.pathExtension.lowercased() {
        case "csv": return try CSVFileWriter(url: url, header: header)
        case "xlsx": return try XLSXFileWriter(url: url, header: header, sheetName: sheet)
        default: throw FileFault.unsupported(url.pathExtension)
        }
    }
}
