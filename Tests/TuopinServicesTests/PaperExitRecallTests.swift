import Foundation
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// Issue #17's measured quality for the paper-exit patterns: a county generated with planted traces
/// (`--with-fabrication`) is loaded year by year through the importer, and what `tuopin suspicions` finds is
/// counted against what was planted, per pattern (recall ≥ 95%, precision ≥ 90%). A household given another
/// pattern's trace and caught by this one is not an honest household flagged (a copied income is often also a
/// multiplied one), so precision counts against the honest households. The confusion counts are printed.
@Suite struct PaperExitRecallTests {
    @Test func planted_traces_are_found_and_few_honest_households_are_flagged() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabrication-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = GeneratorOptions(households: 1_500, seed: 17, year: 2020, firstYear: 2014)
        options.fabrication = 0.1
        var generator = try RegistryGenerator(options: options)
        func file(_ year: Int) -> URL { dir.appendingPathComponent("r-\(year).csv") }
        let summary = try generator.write(to: file(2020), yearFile: file)
        let planted = summary.fabricated
        let fabricated = planted.values.reduce(Set<String>()) { $0.union($1) }
        try await StoreHarness.withStore(.sqlite) { db in
            for year in 2014...2020 { _ = try await StoreHarness.importFile(file(year), on: db) }
            let ctx = ServiceContext.commandLine(db: db)
            var found: [PaperExitPatterns.Pattern: Set<String>] = [:]
            for year in 2015...2020 {
                for s in try await MatchService.suspicions(year: year, area: AreaCode("451224"), in: ctx).found { found[s.pattern, default: []].insert(s.number) }
            }
            for pattern in [PaperExitPatterns.Pattern.narrowBand, .identical, .multiplied, .split] {
                let p = planted[pattern] ?? [], f = found[pattern] ?? []
                let hit = p.intersection(f).count
                let honestFlagged = f.subtracting(fabricated).count, otherTrace = f.subtracting(p).intersection(fabricated).count
                let recall = Double(hit) / Double(max(1, p.count)), precision = Double(f.count - honestFlagged) / Double(max(1, f.count))
                print("数字脱贫 \(pattern.rawValue): planted \(p.count), found \(f.count), true \(hit), missed \(p.count - hit), another trace \(otherTrace), honest flagged \(honestFlagged); recall \(String(format: "%.3f", recall)), precision \(String(format: "%.3f", precision))")
                #expect(p.count >= 10, "enough planted to measure \(pattern.rawValue)")
                #expect(recall >= 0.95, "\(pattern.rawValue): missed \(p.subtracting(f).sorted().prefix(5))")
                #expect(precision >= 0.90, "\(pattern.rawValue): flagged honest \(f.subtracting(fabricated).sorted().prefix(5))")
            }
        }
    }
}
