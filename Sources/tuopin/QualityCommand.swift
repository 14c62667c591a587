import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct QualityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "数据质量检查：户主年龄、在校年级与年龄、与户主关系、无劳动力却有工资性收入、住房等级与危房改造 / Data-quality rules over the registry.",
        discussion: "规则与阈值见 docs/MATCHING.md「数据质量」。 / Rules and thresholds: docs/MATCHING.md, \"Data quality\"."
    )
    @Option(help: ArgumentHelp("县、乡镇或村的区划代码 / the county, township or village", valueName: "CODE")) var area: String
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard let a = AreaCode(area), [.county, .township, .village].contains(a.level) else {
            throw ValidationError("--area 应为6位县级、9位乡镇或12位村级代码 / --area must be a county, township or village code")
        }
    }

    func run() async throws {
        let q = try await database.run { ctx in try await MatchService.quality(area: AreaCode(area), in: ctx) }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(q.table, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(q.table))
            let counts = DataQualityCheck.Rule.allCases.map { "\($0.rawValue) \(q.byRule[$0] ?? 0)" }.joined(separator: "，")
            print("共 \(q.findings.count) 条（\(q.flagged) 户，检查 \(q.households) 户）：\(counts) / \(q.findings.count) findings in \(q.flagged) of \(q.households) households")
        }
    }
}
