import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

@Suite struct GeneratorTests {
    func generate(_ options: GeneratorOptions, name: String = "county.csv") throws -> (URL, RegistryGenerator.Summary) {
        let url = Samples.directory().appendingPathComponent(name)
        var g = try RegistryGenerator(options: options)
        return (url, try g.write(to: url))
    }

    @Test func same_seed_same_county() throws {
        let (a, _) = try generate(GeneratorOptions(households: 300, seed: 42))
        let (b, _) = try generate(GeneratorOptions(households: 300, seed: 42))
        let (c, _) = try generate(GeneratorOptions(households: 300, seed: 43))
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        #expect(try Data(contentsOf: a) != Data(contentsOf: c))
    }

    @Test func generated_county_passes_every_rule() throws {
        let (url, summary) = try generate(GeneratorOptions(households: 1500, seed: 9))
        let result = RegistryFileReader.read(url, options: Samples.options(county: AreaCode("451224")))
        #expect(!result.hasErrors, "\(result.issues.prefix(3))")
        #expect(result.households.count == 1500)
        #expect(result.memberCount == summary.members)
        let households = result.households
        // Real township codes of the county.
        let townships = Set(DivisionCatalog.shipped.townships(of: AreaCode("451224")!).map(\.code))
        #expect(households.allSatisfy { townships.contains($0.villageCode.ancestor(at: .township)!) })
        // Plausible shapes: about 3.5 persons a household, some exited, some below the line.
        let persons = Double(result.memberCount) / 1500
        #expect(persons > 2.8 && persons < 4.2)
        let exited = households.filter { $0.exitYear != nil }.count
        #expect(exited > 150 && exited < 750)
        let line = StandardsCatalog.shipped.line(for: 2016)!.amount
        #expect(households.contains { ($0.perCapitaIncome(for: 2016) ?? .zero) <= line })
        #expect(households.allSatisfy { $0.members.filter { $0.relation == .head }.count == 1 })
        // Children are younger than their parents.
        for h in households {
            guard let head = h.head else { continue }
            for m in h.members where m.relation == .son || m.relation == .daughter {
                #expect(m.birthDate > head.birthDate)
            }
        }
        // No warnings about region codes: each ID carries the code in force in its birth year.
        #expect(!result.issues.contains { $0.message.contains("not in force") })
    }

    /// The demo's campaign: incomes every year, exits spread over the years, a village file and plans that agree
    /// with the registry and that the readers accept (issue #13 item 8).
    @Test func a_campaign_history_with_its_village_file_and_plans() throws {
        let options = GeneratorOptions(households: 3000, seed: 7, year: 2020, firstYear: 2014)
        let url = Samples.directory().appendingPathComponent("campaign.csv")
        func yearFile(_ year: Int) -> URL { url.deletingLastPathComponent().appendingPathComponent("campaign-\(year).csv") }
        var generator = try RegistryGenerator(options: options)
        let summary = try generator.write(to: url, yearFile: yearFile)
        let standards = StandardsCatalog.shipped
        var byYear: [Int: Int] = [:]
        var remaining = 0
        var previous = 0
        for year in 2014...2020 {
            // Each year's file is the registry as it stood: that year's income, exits up to it, more households over time.
            let read = RegistryFileReader.read(year == 2020 ? url : yearFile(year), options: Samples.options(county: AreaCode("451224")))
            #expect(!read.hasErrors, "\(year): \(read.issues.prefix(3))")
            #expect(read.households.allSatisfy { $0.incomes.map(\.year) == [year] }, "\(year): its own income")
            #expect(read.households.allSatisfy { ($0.exitYear ?? year) <= year })
            #expect(read.households.count >= previous)
            previous = read.households.count
            let exiting = read.households.filter { $0.exitYear == year }
            byYear[year] = exiting.count
            let line = standards.line(for: year)!.amount
            #expect(exiting.allSatisfy { ($0.perCapitaIncome(for: year) ?? .zero) > line }, "\(year): those exiting are above the line")
            if year == 2020 { remaining = read.households.filter { $0.exitYear == nil }.count }
        }
        #expect(previous == 3000)
        #expect((2015...2020).allSatisfy { (byYear[$0] ?? 0) > 50 }, "exits in every year: \(byYear)")
        #expect(byYear[2014] == 0)
        #expect(remaining > 90 && remaining < 400, "about 7% not yet exited: \(remaining)")

        let county = GeneratedCounty(summary: summary, options: options)
        #expect(county.villages.count == summary.villages.count)
        #expect(Set(county.villages.compactMap(\.name)).count > county.villages.count / 2, "plausible, mostly distinct names")
        #expect(county.villages.allSatisfy { $0.name?.hasSuffix("村") == true && $0.registeredPopulation > summary.villages[$0.code]!.persons })
        for year in 2015...2020 {
            let plan = try #require(county.targets.first { $0.area == AreaCode("451224") && $0.year == year })
            let done = byYear[year] ?? 0
            #expect(Double(plan.households) > Double(done) * 0.85 && Double(plan.households) < Double(done) * 1.2, "\(year): plan \(plan.households), done \(done)")
        }
        let villageFile = Samples.directory().appendingPathComponent("villages.csv")
        let targetFile = Samples.directory().appendingPathComponent("targets.xlsx")
        try county.writeVillages(to: villageFile)
        try county.writeTargets(to: targetFile)
        let villages = VillageFileReader.read(villageFile, county: AreaCode("451224"))
        #expect(!villages.hasErrors, "\(villages.issues.prefix(3))")
        #expect(villages.villages == county.villages)
        let targets = TargetFileReader.read(targetFile, county: AreaCode("451224"))
        #expect(!targets.hasErrors, "\(targets.issues.prefix(3))")
        #expect(targets.targets == county.targets)
    }

    @Test func with_errors_adds_the_known_number_of_faulty_rows() throws {
        let (url, summary) = try generate(GeneratorOptions(households: 2000, seed: 5, errorRate: 0.05))
        #expect(summary.faultyRows > 50)
        let result = RegistryFileReader.read(url, options: Samples.options())
        let faultyRows = Set(result.issues.filter { $0.severity == .error }.compactMap(\.row))
        // Each faulty row is found; a broken village code or household field may also flag the household's other rows.
        #expect(faultyRows.count >= summary.faultyRows)
        #expect(result.hasErrors)
    }

    /// Differential test: python-stdnum's independent implementation agrees on every generated ID number.
    @Test func python_stdnum_agrees_on_generated_ids() throws {
        let (url, _) = try generate(GeneratorOptions(households: 400, seed: 11))
        let script = """
        import csv, sys
        from stdnum.cn import ric
        rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
        bad = []
        for r in rows:
            n = r['证件号码']
            try:
                ric.validate(n)
            except Exception as e:
                # stdnum's region rule is stricter than reality (it knows current codes only).
                if type(e).__name__ != 'InvalidComponent': bad.append((n, type(e).__name__))
            if (int(n[16]) % 2 == 1) != (r['性别'] == '男'): bad.append((n, 'sex'))
        print(len(rows), len(bad), bad[:3])
        """
        let (out, status) = try Samples.run("python3", ["-c", script, url.path])
        #expect(status == 0, "\(out)")
        #expect(out.hasSuffix(" 0 []\n") || out.contains(" 0 []"), "\(out)")
    }
}
