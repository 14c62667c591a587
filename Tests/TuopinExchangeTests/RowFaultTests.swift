import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// Each rule the reader enforces ("Rules the reader enforces", registry-exchange format), one file
/// with only that fault: the fault is reported at its row and column, and the file yields no household.
@Suite struct RowFaultTests {
    @Test(arguments: FaultCases.all)
    func fault_is_reported_at_its_row_and_column(_ c: FaultCases.Case) throws {
        let url = Samples.file(Samples.csv(FaultCases.rows(for: c)))
        let result = RegistryFileReader.read(url, options: Samples.options())
        let match = result.issues.first { $0.row == c.row && $0.column == c.column.chineseName && $0.severity == c.severity }
        #expect(match != nil, "expected \(c.severity.rawValue) at row \(c.row), column \(c.column.chineseName); got \(result.issues)")
        #expect(result.hasErrors)
        #expect(match?.message.contains(" / ") == true, "message should be in Chinese and English")
    }

    @Test func the_clean_sample_has_no_issue() {
        let url = Samples.file(Samples.csv(Samples.rows([Samples.household(), Samples.household("H0002", idBase: 2)])))
        let result = RegistryFileReader.read(url, options: Samples.options())
        #expect(result.issues.isEmpty, "\(result.issues.prefix(3))")
        #expect(result.households.count == 2)
        #expect(result.households[0] == Samples.household())
    }
}
