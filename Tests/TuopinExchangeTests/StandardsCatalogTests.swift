import Foundation
import Testing
import TuopinDomain
import TuopinExchange

/// The standards file shipped with Tuopin parses, and holds what policy-rules §1 says.
@Suite struct StandardsCatalogTests {
    @Test func the_shipped_file_parses_and_marks_unconfirmed_lines() throws {
        let s = try StandardsFile.parse(StandardsCatalog.shippedText).get()
        #expect((2014...2020).allSatisfy { s.line(for: $0) != nil })
        #expect(s.line(for: 2016)?.amount == Money(yuan: 2952) && s.line(for: 2016)?.confirmed == true)
        #expect([2017, 2018, 2020].allSatisfy { s.line(for: $0)?.confirmed == false })
        #expect(s.checklist(year: 2016, village: AreaCode("451224100201")!) == ChecklistItem.nationalFloor)
        #expect(s.overlays["51"]?.adds == [.electricity, .broadcast])
        #expect(s.westernProvinces.count == 12)
        #expect(s.countyIncidence.describe(western: true) == "< 3%")
        #expect(s.recognitionRate.describe(western: false) == "≥ 90%")
    }

    @Test func a_deployment_file_with_a_fault_is_refused_naming_the_line() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("standards-\(UUID()).txt")
        try StandardsCatalog.shippedText.replacingOccurrences(of: "posting_days | 7", with: "posting_days | seven")
            .write(to: url, atomically: true, encoding: .utf8)
        guard case .failure(let e) = StandardsCatalog.load(path: url.path) else { Issue.record("accepted"); return }
        let line = StandardsCatalog.shippedText.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("posting_days") }! + 1
        #expect(e.line == line)
        guard case .failure(let missing) = StandardsCatalog.load(path: "/nonexistent/standards.txt") else { Issue.record("accepted"); return }
        #expect(missing.description.contains("无法读取"))
    }
}
