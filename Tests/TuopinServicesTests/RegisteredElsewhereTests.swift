import Foundation
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// 同一人登记在两个县 across deployments (issue #17 item 6): another county's registry file, in the import format,
/// names the members both registries hold — on both databases; a faulty file gives its faults and no members.
@Suite struct RegisteredElsewhereTests {
    @Test func members_another_countys_file_holds_are_reported_with_its_household() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household("H0001"), Samples.household("H0002", idBase: 2)]), on: db)
            let other = Samples.household("4527281002010007", village: AreaCode("452728100201")!, idBase: 2)
            let file = Samples.file(Samples.csv(Samples.rows([other])), name: "bama.csv")
            let read = MatchService.elsewhere([file], today: Samples.today)
            #expect(read.faults.isEmpty, "\(read.faults)")
            #expect(read.found.count == 3)
            let q = try await MatchService.quality(area: AreaCode("451224"), elsewhere: read.found, in: .commandLine(db: db))
            let found = q.findings.filter { $0.rule == .elsewhere }
            #expect(found.count == 3 && found.allSatisfy { $0.number == "H0002" }, "\(found.map(\.explanation))")
            #expect(found.contains { $0.explanation.contains("bama.csv的户编号4527281002010007") && $0.member == "黄秀英" })
            let plain = try await MatchService.quality(area: AreaCode("451224"), in: .commandLine(db: db))
            #expect(!plain.findings.contains { $0.rule == .elsewhere }, "no file, no finding")

            var rows = Samples.rows([other])
            let idColumn = rows[0].firstIndex(of: "证件号码")!
            rows[2][idColumn] = "45122419770101002X"
            let bad = MatchService.elsewhere([Samples.file(Samples.csv(rows), name: "bad.csv")], today: Samples.today)
            #expect(bad.found.isEmpty && bad.faults.first?.file == "bad.csv")
            #expect(bad.faults.first?.issues.contains { $0.row == 3 && $0.column == "证件号码" } == true, "\(bad.faults)")
        }
    }
}
