import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "督查通报：某月问题发现、销号、逾期情况，按区划和责任单位 / A month's supervision bulletin, by area and by unit.",
        discussion: "输出 .xlsx 或 .csv；网页 /bulletin 可打印 A4。 / Writes .xlsx or .csv; the page /bulletin prints on A4."
    )
    @Option(help: ArgumentHelp("月份，如 2016-08 / the month", valueName: "MONTH")) var month: String
    @Option(help: ArgumentHelp("只含此区划（6、9或12位代码） / only this area", valueName: "CODE")) var area: String?
    @Option(help: ArgumentHelp("输出文件（.xlsx 或 .csv） / the file to write", valueName: "FILE")) var output: String
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard let p = DutyPeriod.parse(month), p.length == .month else {
            throw ValidationError("--month 应为月份，如 2016-08 / --month must be a month like 2016-08; got '\(month)'")
        }
        if let a = area, AreaCode(a) == nil { throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code") }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "xlsx" || ext == "csv" else { throw ValidationError("--output 应以 .xlsx 或 .csv 结尾 / --output must end in .xlsx or .csv") }
    }

    func run() async throws {
        let b = try await database.run { ctx in
            try await SupervisionService.bulletin(month: DutyPeriod.parse(month)!, area: area.flatMap(AreaCode.init), in: ctx)
        }
        try BulletinFile.write(b.rows, to: URL(fileURLWithPath: output))
        print(b.summary)
        print("已写出 / written: \(output)（\(b.rows.count - 1) 行 rows）")
    }
}
