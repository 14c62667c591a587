import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "信息比对：部门数据与建档立卡名单比对的疑点 / Department records matched against the registry.",
        discussion: "规则见 docs/MATCHING.md；核实为“不属实”的不再列出。 / Rules: docs/MATCHING.md; flags verified as not true are left out."
    )
    @OptionGroup var report: YearAreaOptions
    @OptionGroup var database: DatabaseOptions


    func run() async throws {
        let q = try await database.run { ctx in try await MatchService.match(year: report.year, area: report.code, in: ctx) }
        if report.format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(q.table, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(q.table))
            print("共 \(q.flags.count) 个疑点（另有 \(q.dismissed) 个已核实不属实） / \(q.flags.count) flags (\(q.dismissed) verified as not true)")
        }
    }
}
