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
    @Option(help: ArgumentHelp("年度 / the year", valueName: "YEAR")) var year: Int
    @Option(help: ArgumentHelp("县或乡镇（6或9位代码） / the county or township", valueName: "CODE")) var area: String
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard let a = AreaCode(area), a.level == .county || a.level == .township else {
            throw ValidationError("--area 应为6位县级或9位乡镇代码 / --area must be a county or township code")
        }
        guard (2014...2100).contains(year) else { throw ValidationError("--year 应为2014–2100 / --year must be 2014–2100") }
    }

    func run() async throws {
        let q = try await database.run { ctx in try await MatchService.match(year: year, area: AreaCode(area), in: ctx) }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(q.table, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(q.table))
            print("共 \(q.flags.count) 个疑点（另有 \(q.dismissed) 个已核实不属实） / \(q.flags.count) flags (\(q.dismissed) verified as not true)")
        }
    }
}
