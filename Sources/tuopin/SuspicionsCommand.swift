import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct SuspicionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspicions",
        abstract: "数字脱贫疑点：收入刚过线、数字雷同、成倍增长无依据、分户抬高人均、未达标即退出、评估前突击改数 / Paper-exit patterns in the registry and its history.",
        discussion: "模式与分值见 docs/MATCHING.md。 / Patterns and scores: docs/MATCHING.md."
    )
    @OptionGroup var report: YearAreaOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let s = try await database.run { ctx in try await MatchService.suspicions(year: report.year, area: report.code, in: ctx) }
        if report.format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(s.table, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(s.table))
            print("共 \(s.found.count) 个疑点 / \(s.found.count) suspicions")
        }
    }
}
