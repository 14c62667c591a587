import FluentKit
import SQLKit
import Foundation
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

/// The county-wide reads of the leak check and the matching — payments, households with members, department
/// records — give the same values from a SQLite file through the C API as through the driver.
@Suite struct PositionalReadTests {
    @Test func the_file_path_reads_what_the_driver_reads() async throws {
        let path = Samples.directory().appendingPathComponent("positional.sqlite").path
        let runtime = try StoreRuntime(url: .sqliteFile(path: path))
        try await runtime.migrate()
        do {
            let db = runtime.database
            var households: [Household] = []
            for i in 0..<12 {
                var h = Samples.household(String(format: "P%04d", i), village: i % 2 == 0 ? Samples.village : Samples.otherVillage, idBase: i + 1)
                h.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: Int64(9000 + i)))]
                if i % 3 == 0 { h.exitYear = 2016; h.housingGrade = .d }
                households.append(h)
            }
            let outcome = try await RegistryImporter.run(file: Samples.file(Samples.csv(Samples.rows(households))),
                                                         options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: db)
            #expect(outcome.written)
            let county = AreaCode("451224")!
            let people = households.flatMap(\.members)
            let payments = people.enumerated().map { n, m in
                Benefit(idNumber: m.id.number, name: m.name, household: n % 4 == 0 ? nil : Household.ID(Int64(n / 3 + 1)), policy: n % 2 == 0 ? "dibao" : "yulu",
                        amount: Money(fen: Int64(10_000 + n)), date: LocalDate(year: 2016, month: 1 + n % 12, day: 5)!, department: "民政局",
                        project: nil, county: county)
            }
            _ = try await BenefitStore.load(.init(policy: "dibao", department: "民政局", file: "p.csv", digest: "d1", rows: payments.count, county: county,
                                                  username: "t", date: Samples.today), payments, on: db)
            let records = people.prefix(9).enumerated().map { n, m in
                DepartmentRecord(kind: n % 3 == 0 ? .deaths : .vehicles, idNumber: m.id.number, name: m.name, date: n % 2 == 0 ? LocalDate(year: 2015, month: 3, day: 1) : nil,
                                 fields: n % 3 == 0 ? [:] : ["车辆类型": "小型轿车", "估值": "\(40_000 + n)", "号牌号码": "桂A\"12\\\\3"])
            }
            try await DepartmentStore.load(records, kind: .vehicles, file: "v.csv", digest: "d2", county: county, username: "t", date: Samples.today, on: db)

            let paidByDriver = try await BenefitStore.payments(county: county, year: 2016, on: db)
            #expect(paidByDriver.count == payments.count)
            #expect(try await BenefitStore.payments(county: county, year: 2016, file: path, on: db) == paidByDriver)
            #expect(try await BenefitStore.payments(county: county, year: 2017, file: path, on: db).isEmpty)
            // An edit can leave members stored out of their 序号 order; both reads give them in 序号 order.
            try await (db as! any SQLDatabase).raw("UPDATE members SET position = 10 - position WHERE household_id = 1").run()
            #expect(try await BenefitStore.homes(under: county, file: path, on: db).first?.members.map(\.name) == households[0].members.map(\.name).reversed())
            for area in [county, Samples.otherVillage] {
                let byDriver = try await BenefitStore.homes(under: area, on: db)
                #expect(byDriver.count == (area == county ? 12 : 6) && byDriver.allSatisfy { $0.members.count == 3 })
                #expect(try await BenefitStore.homes(under: area, file: path, on: db) == byDriver)
                #expect(byDriver.map(\.id.rawValue) == byDriver.map(\.id.rawValue).sorted())
            }
            let membersByDriver = try await BenefitStore.members(county: county, on: db)
            #expect(membersByDriver.count == 36)
            #expect(try await BenefitStore.members(county: county, file: path, on: db) == membersByDriver)
            let recordsByDriver = try await DepartmentStore.records(county: county, on: db)
            #expect(Set(recordsByDriver) == Set(records))
            #expect(try await DepartmentStore.records(county: county, file: path, on: db) == recordsByDriver)
            #expect(try await DepartmentStore.records(county: county, kinds: [.deaths], file: path, on: db) == recordsByDriver.filter { $0.kind == .deaths })
            #expect(try await DepartmentStore.records(county: county, kinds: [], file: path, on: db).isEmpty)
            await runtime.shutdown()
        } catch {
            await runtime.shutdown()
            throw error
        }
    }
}
