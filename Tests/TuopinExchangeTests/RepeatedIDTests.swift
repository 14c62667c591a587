import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// One person, one household (policy-rules §2.1): an ID number on two rows is a fault on the later row
/// that names the row and household where it first appeared; `memberRows` keeps that first row.
@Suite struct RepeatedIDTests {
    @Test func a_repeated_id_names_the_first_row_and_its_household() throws {
        let first = Samples.household("H0001", idBase: 1)
        var second = Samples.household("H0002", idBase: 2, name: "覃德福")
        second.members[2].id = first.members[1].id   // 黄秀英 of H0001 again, as H0002's child
        let result = RegistryFileReader.read(Samples.file(Samples.csv(Samples.rows([first, second]))), options: Samples.options())
        let fault = try #require(result.issues.first { $0.message.contains("one person, one household") })
        #expect(fault.row == 7)
        #expect(fault.message.contains("第3行（户编号H0001）"), "\(fault.message)")
        #expect(fault.message.contains("repeats row 3 (household H0001)"), "\(fault.message)")
        #expect(result.memberRows[first.members[1].id.number] == 3)
        #expect(result.hasErrors)
    }
}
