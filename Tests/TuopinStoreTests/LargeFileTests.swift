import Foundation
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

/// A large file (over 100,000 rows) with one bad row near the end: nothing is written.
@Suite struct LargeFileTests {
    @Test func one_bad_row_near_the_end_of_a_large_file_writes_nothing() async throws {
        let households = 34_000   // 102,000 member rows
        var lines = [CSVFormat.line(RegistryRowFormatter.header)]
        lines.reserveCapacity(households * 3 + 1)
        for i in 0..<households {
            // Each copy gets its own 户编号 and ID numbers.
            let h = Samples.household(String(format: "H%06d", i), idBase: i)
            for row in RegistryRowFormatter.rows(h) { lines.append(CSVFormat.line(row)) }
        }
        let badIndex = lines.count - 5
        var bad = lines[badIndex].components(separatedBy: ",")
        bad[ExchangeColumn.relation.rawValue] = "之侄"
        lines[badIndex] = bad.joined(separator: ",")
        let url = Samples.file(lines.joined(separator: "\n") + "\n")
        try await StoreHarness.withStore { db in
            let before = try await StoreHarness.counts(db)
            let outcome = try await StoreHarness.importFile(url, on: db)
            #expect(outcome.rowCount == households * 3)
            #expect(!outcome.written)
            #expect(outcome.issues.count == 1)
            #expect(outcome.issues.first?.row == badIndex + 1)
            #expect(try await StoreHarness.counts(db) == before)
        }
    }
}
