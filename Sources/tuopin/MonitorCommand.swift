import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "防返贫监测名单：按规则研判已脱贫户 / The monitoring list: exited households the rules flag, with reasons.",
        discussion: """
            规则：收入低于监测范围（扶贫标准×倍数）、收入比上年降幅达到阈值、两不愁三保障或饮水出现问题、近12个月突发困难支出超过上年家庭纯收入。
            倍数与降幅见扶贫标准文件（monitoring 行）。
            Rules: income under the range (line × multiple), a drop from the year before at or above the threshold,
            a lapsed guarantee, hardship costs in the last 12 months above last year's household income.
            """
    )

    @Option(help: "年度 / the year")
    var year: Int
    @Option(help: ArgumentHelp("只列此区划（6、9或12位代码） / only this area", valueName: "CODE"))
    var area: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("研判参照日（默认为当年12月31日） / reference date", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(help: "table 或 csv / table or csv")
    var format: ReportFormat = .table
    @OptionGroup var standardsOption: StandardsOption
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let a = area, AreaCode(a) == nil {
            throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code; got '\(a)'")
        }
        if let d = asOf, case .failure(let fault) = EventDate.parse(d, field: "--as-of", label: "--as-of", today: LocalDate(Date())) {
            throw ValidationError("\(fault.chinese) / \(fault.english)")
        }
        guard (2014...2100).contains(year) else { throw ValidationError("--year 应为2014年以后的年份 / --year must be 2014 or later; got \(year)") }
    }

    func run() async throws {
        let standards = try standardsOption.load()
        let listing = try await database.run(standards: standards) { ctx in
            try await MonitoringService.list(area: area.flatMap(AreaCode.init), year: year, referenceDate: asOf.flatMap(LocalDate.init(iso:)), in: ctx)
        }
        let header = ["户编号", "户主", "村代码", "类别", "风险", "依据", "监测状态"]
        let lines = listing.flagged.map { f in
            [f.number, f.head, f.villageCode.value, f.finding.category?.rawValue ?? "", f.finding.signals.map(\.rule.rawValue).joined(separator: "；"),
             f.finding.signals.map(\.text).joined(separator: "；"), f.monitored ? "已纳入监测" : "待识别"]
        }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table([header] + lines, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render([header] + lines))
        }
        note("\(year)年：研判已脱贫户 \(listing.examined) 户，脱贫不稳定户 \(listing.count(.unstableExited)) 户，突发严重困难户 \(listing.count(.suddenHardship)) 户，当年收入未录入 \(listing.incomeUnknown) 户 / "
             + "examined \(listing.examined) exited households: \(listing.count(.unstableExited)) unstable, \(listing.count(.suddenHardship)) sudden hardship, \(listing.incomeUnknown) without the year's income")
    }
}
