import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

/// The registry scan gives the exit test what the registry holds, on both databases; the verdict
/// file rows are those of the exchange format.
@Suite struct ExitScanTests {
    @Test func scanned_households_get_the_verdicts_of_their_stored_values() async throws {
        try await StoreHarness.withStore { db in
            let meets = Samples.household("H0001")  // per-capita 2,666.67 in 2016: below the line of 2,952
            var rich = Samples.household("H0002", idBase: 2)
            rich.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 12_000))]
            var house = Samples.household("H0003", village: Samples.otherVillage, idBase: 3)
            house.incomes = rich.incomes
            house.housingGrade = .d
            house.members[2].schooling = .notInSchool
            _ = try await StoreHarness.importRows(Samples.rows([meets, rich, house]), on: db)
            // A second file adds 2015 for one household (a file carries one income year).
            var earlier = rich
            earlier.incomes = [HouseholdIncome(year: 2015, wage: Money(yuan: 1))]
            _ = try await StoreHarness.importRows(Samples.rows([earlier]), on: db)

            var rows: [String] = []
            var incomesSeen: [[Int]] = []
            try await HouseholdScan.forEach(area: AreaCode("451224"), incomeYears: [2016], window: 2, on: db) { window in
                for s in window {
                    let v = HouseholdExitTest.evaluate(s.household, year: 2016, standard: StandardsCatalog.shipped)
                    rows.append(VerdictFile.row(number: s.household.number, verdict: v))
                    incomesSeen.append(s.household.incomes.map(\.year))
                }
            }
            // 韦小军 was born 2004-06-01: 12 on 2016-12-31.
            #expect(rows == ["H0001,未达标,income\r\n", "H0002,达标,\r\n", "H0003,未达标,education;housing\r\n"])
            #expect(incomesSeen == [[2016], [2016], [2016]], "only the years asked for")

            var inVillage: [String] = []
            try await HouseholdScan.forEach(area: Samples.otherVillage, incomeYears: [], on: db) { inVillage += $0.map(\.household.number) }
            #expect(inVillage == ["H0003"])
        }
    }
}

/// 通生活用电 / 通广播电视 travel from the file to the database and back, and the Sichuan overlay
/// (一超六有) checks them.
@Suite struct HouseholdUtilitiesTests {
    @Test func power_and_broadcast_columns_are_stored_scanned_and_checked() async throws {
        try await StoreHarness.withStore { db in
            let village = AreaCode("513423100201")!  // 盐源县, Sichuan
            var dark = Samples.household("S0001", village: village, idBase: 1)
            dark.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 12_000))]
            dark.powerSupplied = false
            dark.broadcastReception = nil
            var lit = Samples.household("S0002", village: village, idBase: 2)
            lit.incomes = dark.incomes
            lit.powerSupplied = true
            lit.broadcastReception = true
            let rows = Samples.rows([dark, lit])
            #expect(RegistryRowFormatter.header.suffix(2) == ["通生活用电", "通广播电视"])
            #expect(rows[1].suffix(2) == ["否", ""])
            let outcome = try await StoreHarness.importFile(Samples.file(Samples.csv(rows)), county: AreaCode("513423"), on: db)
            #expect(outcome.households == 2, "\(outcome)")

            var verdicts: [String: [ChecklistItem]] = [:]
            var stored: [String: (Bool?, Bool?)] = [:]
            try await HouseholdScan.forEach(area: AreaCode("513423"), incomeYears: [2016], on: db) { window in
                for s in window {
                    verdicts[s.household.number] = HouseholdExitTest.evaluate(s.household, year: 2016, standard: StandardsCatalog.shipped).missing
                    stored[s.household.number] = (s.household.powerSupplied, s.household.broadcastReception)
                }
            }
            let darkStored = try #require(stored["S0001"]), litStored = try #require(stored["S0002"])
            #expect(darkStored == (false, nil))
            #expect(litStored == (true, true))
            #expect(verdicts["S0001"] == [.electricity, .broadcast])
            #expect(verdicts["S0002"] == [])
        }
    }
}

/// The scan's fast path — a SQLite file read through the C API with the next window read ahead — gives
/// exactly the households the driver path gives.
@Suite struct FileScanTests {
    @Test func the_file_path_reads_what_the_driver_reads() async throws {
        let path = Samples.directory().appendingPathComponent("scan.sqlite").path
        let runtime = try StoreRuntime(url: .sqliteFile(path: path))
        try await runtime.migrate()
        do {
            var households: [Household] = []
            for i in 0..<30 {
                var h = Samples.household(String(format: "F%04d", i), village: i % 2 == 0 ? Samples.village : Samples.otherVillage, idBase: i + 1)
                h.incomes = [HouseholdIncome(year: 2015, wage: Money(yuan: Int64(1000 + i))), HouseholdIncome(year: 2016, wage: Money(yuan: Int64(9000 + i)))]
                h.powerSupplied = i % 3 == 0 ? nil : i % 3 == 1
                h.members[0].medicalInsurance = i % 4 == 0 ? nil : true
                households.append(h)
            }
            // Two files so that two income years are stored (a file carries one).
            var earlier = households
            for i in earlier.indices { earlier[i].incomes = [households[i].incomes[0]] }
            var later = households
            for i in later.indices { later[i].incomes = [households[i].incomes[1]] }
            for batch in [earlier, later] {
                let outcome = try await RegistryImporter.run(file: Samples.file(Samples.csv(Samples.rows(batch))),
                                                             options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: runtime.database)
                #expect(outcome.written)
            }
            // An edit can leave members stored out of their 序号 order; the scan gives them in 序号 order.
            let sql = runtime.database as! any SQLDatabase
            try await sql.raw("UPDATE members SET position = 10 - position WHERE household_id = 1").run()
            var first: Household?
            try await HouseholdScan.forEach(area: nil, incomeYears: [2016], file: path, on: runtime.database) { w in
                if first == nil { first = w.first?.household }
            }
            #expect(first?.members.map(\.name) == households[0].members.map(\.name).reversed())
            for area in [nil, Samples.otherVillage] as [AreaCode?] {
                var viaDriver: [Household.ID: Household] = [:], viaFile: [Household.ID: Household] = [:]
                try await HouseholdScan.forEach(area: area, incomeYears: [2015, 2016], window: 7, on: runtime.database) { for s in $0 { viaDriver[s.id] = s.household } }
                try await HouseholdScan.forEach(area: area, incomeYears: [2015, 2016], window: 7, file: path, on: runtime.database) { for s in $0 { viaFile[s.id] = s.household } }
                #expect(viaFile.count == (area == nil ? 30 : 15))
                #expect(viaFile == viaDriver)
                #expect(viaFile.values.allSatisfy { $0.incomes.map(\.year) == [2015, 2016] && $0.members.count == 3 })
            }
            await runtime.shutdown()
        } catch {
            await runtime.shutdown()
            throw error
        }
        #expect(throws: (any Error).self) { try SQLiteFileReader(path: "/nonexistent/dir/x.sqlite") }
    }
}
