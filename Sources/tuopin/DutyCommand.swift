import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct DutyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty",
        abstract: "履职情况：每条职责规则是否达到，依据工作日志 / Each duty rule met or not in a month or quarter, from the work logs.",
        discussion: "规则见 docs/RESPONSIBILITY.md；只数日志，不用打卡和在线时长。 / Rules: docs/RESPONSIBILITY.md; only logs count (no check-ins, no online time)."
    )
    @Option(help: ArgumentHelp("月份 2016-07、季度 2016-Q3 或年份 2016 / a month, quarter or year", valueName: "PERIOD")) var period: String
    @Option(help: ArgumentHelp("只列此区划（6、9或12位代码） / only this area", valueName: "CODE")) var area: String?
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table
    @Flag(help: "只列未达标的 / only the rules not met") var short = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard DutyPeriod.parse(period) != nil else { throw ValidationError("--period 应为 2016-07、2016-Q3 或 2016 / --period must be like 2016-07, 2016-Q3 or 2016; got '\(period)'") }
        if let a = area, AreaCode(a) == nil { throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code") }
    }

    func run() async throws {
        let files = try FileLoadPrinter.files()
        let p = DutyPeriod.parse(period)!
        let report = try await database.run { ctx in
            var ctx = ctx
            ctx.responsibility = files
            return try await ResponsibilityService.duty(period: p, area: area.flatMap(AreaCode.init), in: ctx)
        }
        let table = report.table(onlyShort: short, absences: true)
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(table, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(table))
            print("\(p)：\(report.rows.count) 项职责，\(report.shortfalls.count) 项未达标 / \(report.rows.count) duties, \(report.shortfalls.count) not met")
        }
    }
}
