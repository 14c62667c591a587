import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct QualityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "数据质量检查：户主年龄、在校年级与年龄、与户主关系、无劳动力却有工资性收入、住房等级与危房改造 / Data-quality rules over the registry.",
        discussion: """
            规则与阈值见 docs/MATCHING.md「数据质量」。给出 --other-registry（另一县导出的建档立卡文件，导入格式）时，另列同一人登记在两个县的成员。
            Rules and thresholds: docs/MATCHING.md, "Data quality". With --other-registry (another county's registry file, in the import
            format) it also lists the members that county registers too.
            """
    )
    @Option(help: ArgumentHelp("县、乡镇或村的区划代码 / the county, township or village", valueName: "CODE")) var area: String
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table
    @Option(name: .customLong("other-registry"),
            help: ArgumentHelp("另一县的建档立卡文件（CSV/XLSX，导入格式），可多次给出 / another county's registry file (repeatable)", valueName: "FILE"))
    var otherRegistries: [String] = []
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard let a = AreaCode(area), [.county, .township, .village].contains(a.level) else {
            throw ValidationError("--area 应为6位县级、9位乡镇或12位村级代码 / --area must be a county, township or village code")
        }
    }

    func run() async throws {
        let files = otherRegistries
        let q = try await database.run { ctx in
            try await MatchService.quality(area: AreaCode(area), elsewhere: try Self.elsewhere(files, today: ctx.today), in: ctx)
        }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(q.table, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(q.table))
            let rules = DataQualityCheck.Rule.allCases.filter { $0 != .elsewhere || !otherRegistries.isEmpty }
            let counts = rules.map { "\($0.rawValue) \(q.byRule[$0] ?? 0)" }.joined(separator: "，")
            print("共 \(q.findings.count) 条（\(q.flagged) 户，检查 \(q.households) 户）：\(counts) / \(q.findings.count) findings in \(q.flagged) of \(q.households) households")
        }
    }

    /// The members of the files named; a file that cannot be read, or has errors, stops the check with its faults by
    /// row and column on standard error (nothing is checked against half a file).
    static func elsewhere(_ files: [String], today: LocalDate) throws -> [String: DataQualityCheck.Elsewhere] {
        let read = MatchService.elsewhere(files.map { URL(fileURLWithPath: $0) }, today: today)
        if let (file, issues) = read.faults.first {
            FileHandle.standardError.write(Data(IssueReport.csv(issues).utf8))
            throw CommandFailure("--other-registry：\(file) 有 \(issues.count) 个错误（见上），未核对", "--other-registry: \(file) has \(issues.count) errors (above); nothing checked")
        }
        return read.found
    }
}
