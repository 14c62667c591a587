import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// Village profiles written through the use case, audited, and the incidence they give: persons not exited
/// ÷ registered population, against 2% (3% in the west) — policy-rules §1.3.
@Suite struct VillageServiceTests {
    func file(_ text: String) -> URL { Samples.file(text, name: "villages.csv") }

    @Test func incidence_counts_persons_not_exited_by_the_year_end() async throws {
        try await StoreHarness.withStore { db in
            var exited = Samples.household("H0002", idBase: 2)
            exited.exitYear = 2017
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household("H0001"), exited]), on: db)
            let read = VillageFileReader.read(file("村代码,村名,户籍人口,贫困村,出列年度\n451224100201,弄腊村,200,是,\n"))
            #expect(!read.hasErrors)
            let ctx = ServiceContext.commandLine(db: db)
            let changed = try await VillageService.load(read.villages, reason: "test", in: ctx)
            #expect(changed == 1)
            #expect(try await VillageService.load(read.villages, reason: "again", in: ctx) == 0, "no change, no record")

            let standards = StandardsCatalog.shipped
            let in2016 = try await VillageStore.villages(under: AreaCode("451224"), year: 2016, standards: standards, on: db)
            #expect(in2016.count == 1)
            let v = in2016[0].indicator
            #expect(v.registeredPoor == 6 && v.poorRemaining == 6 && v.population == 200)
            #expect(v.incidence == Percent(basisPoints: 300))
            #expect(v.isMet == false, "3.00% is not below 3% (Guangxi is western)")
            #expect(in2016[0].name == "弄腊村")
            let in2017 = try await VillageStore.villages(under: nil, year: 2017, standards: standards, on: db)
            #expect(in2017[0].indicator.poorRemaining == 3)
            #expect(in2017[0].indicator.isMet == true, "1.5% < 3%")
            let county = VillageStore.incidence(of: AreaCode("451224")!, rows: in2017, threshold: standards.countyIncidence, standards: standards)
            #expect(county.text == "1.5% 达到 < 3%")

            let audit = try await (db as! any SQLDatabase).raw("SELECT after_json FROM audit_events WHERE action = 'village.profile'").all()
            #expect(audit.count == 1)
            #expect(try audit[0].decode(column: "after_json", as: String.self).contains("\"户籍人口\":\"200\""))
            #expect(try await AuditVerifier.verify(on: db).isIntact)
        }
    }
}
