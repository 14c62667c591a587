import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// The targets file (docs/TARGETS.md): what it reads, and each fault named by row and column.
@Suite struct TargetFileTests {
    let header = "区划代码,年度,计划脱贫户数,计划脱贫人数,计划出列村数,计划摘帽年度\n"

    @Test func a_good_file_reads_every_level() {
        let text = "减贫计划（东兰县）\n" + header + "451224,2016,\"1,200\",4000,5,2019\n451224100,2016,40,140,,\n451224100201,2016,3,9,1,\n"
        let read = TargetFileReader.read(Samples.file(text))
        #expect(read.issues.isEmpty, "\(read.issues)")
        #expect(read.targets == [
            ExitTarget(area: AreaCode("451224")!, year: 2016, households: 1200, persons: 4000, villages: 5, countyExitYear: 2019),
            ExitTarget(area: AreaCode("451224100")!, year: 2016, households: 40, persons: 140),
            ExitTarget(area: AreaCode("451224100201")!, year: 2016, households: 3, persons: 9, villages: 1),
        ])
    }

    struct Fault: Sendable, CustomStringConvertible {
        var line: String
        var column: String
        var description: String { "\(column): \(line)" }
    }

    @Test(arguments: [
        Fault(line: "4512,2016,1,1,,", column: "区划代码"),           // a prefecture
        Fault(line: "45122,2016,1,1,,", column: "区划代码"),          // not a code
        Fault(line: "441224,2016,1,1,,", column: "区划代码"),         // another county than --county
        Fault(line: "451224100,1999,1,1,,", column: "年度"),
        Fault(line: "451224100,2016,,1,,", column: "计划脱贫户数"),
        Fault(line: "451224100,2016,-1,1,,", column: "计划脱贫户数"),
        Fault(line: "451224100,2016,1.5,3,,", column: "计划脱贫户数"),
        Fault(line: "451224100,2016,10,9,,", column: "计划脱贫人数"),    // fewer persons than households
        Fault(line: "451224100201,2016,1,1,2,", column: "计划出列村数"),  // a village exits at most itself
        Fault(line: "451224100,2016,1,1,,2019", column: "计划摘帽年度"),  // only a county exits as a county
        Fault(line: "451224,2016,1,1,,2040", column: "计划摘帽年度"),
    ])
    func one_fault_per_row_is_named(_ fault: Fault) {
        let text = header + "451224101,2016,5,10,,\n" + fault.line + "\n"
        let read = TargetFileReader.read(Samples.file(text), county: AreaCode("451224"))
        #expect(read.targets.isEmpty, "a file with an error loads nothing")
        #expect(read.issues.count == 1, "\(read.issues)")
        #expect(read.issues.first?.row == 3 && read.issues.first?.column == fault.column)
        #expect(read.issues.first?.message.contains(" / ") == true, "Chinese and English")
    }

    @Test func a_repeated_area_and_year_and_a_missing_column_are_refused() {
        let repeated = TargetFileReader.read(Samples.file(header + "451224100,2016,1,1,,\n451224100,2016,2,2,,\n451224100,2017,2,2,,\n"))
        #expect(repeated.issues.map(\.row) == [3])
        let missing = TargetFileReader.read(Samples.file("区划代码,年度,计划脱贫户数\n451224,2016,3\n"))
        #expect(missing.issues.map(\.column) == ["计划脱贫人数"])
        #expect(missing.issues.first?.row == nil)
    }
}
