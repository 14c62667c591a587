import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

/// The village file and the village test: incidence = persons not exited ÷ registered population,
/// against 2% (3% in the west) — policy-rules §1.3.
@Suite struct VillageTests {
    func file(_ text: String) -> URL { Samples.file(text, name: "villages.csv") }

    @Test func a_village_file_with_a_fault_loads_nothing_and_names_the_place() async throws {
        let read = VillageFileReader.read(file("村代码,村名,户籍人口,贫困村,出列年度\n451224100201,弄腊村,1200,是,2019\n451224101201,坡豪村,abc,是,\n"))
        #expect(read.hasErrors && read.villages.isEmpty)
        #expect(read.issues.map { "\($0.row ?? 0) \($0.column)" } == ["3 户籍人口"])
        let missing = VillageFileReader.read(file("村代码,村名\n451224100201,弄腊村\n"))
        #expect(missing.issues.contains { $0.column == "户籍人口" && $0.row == nil })
        let outside = VillageFileReader.read(file("村代码,户籍人口,贫困村\n450100100201,100,是\n"), county: AreaCode("451224"))
        #expect(outside.issues.first?.message.contains("不在本县") == true)
        let twice = VillageFileReader.read(file("村代码,户籍人口,贫困村\n451224100201,100,是\n451224100201,200,否\n"))
        #expect(twice.issues.first?.message.contains("第2行") == true)
    }
}
