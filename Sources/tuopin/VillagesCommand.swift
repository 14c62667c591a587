import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

struct VillagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "villages",
        abstract: "贫困村退出指标：各村贫困发生率 / Poverty incidence of each village against the exit threshold.",
        discussion: "贫困发生率 = 年末未脱贫人口 ÷ 户籍人口。 / Incidence = persons not exited at the end of the year ÷ registered population."
    )

    @Option(help: "年度（按年末脱贫情况） / the year (exits up to its end)")
    var year: Int
    @Option(help: ArgumentHelp("只列此区划（6、9或12位代码） / only this area", valueName: "CODE"))
    var area: String?
    @Option(help: "table 或 csv / table or csv")
    var format: ReportFormat = .table
    @OptionGroup var standardsOption: StandardsOption
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let a = area, AreaCode(a) == nil {
            throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code; got '\(a)'")
        }
        guard (2014...2100).contains(year) else { throw ValidationError("--year 应为2014年以后的年份 / --year must be 2014 or later; got \(year)") }
    }

    func run() async throws {
        let standards = try standardsOption.load()
        let rows = try await database.run(standards: standards) { ctx in
            try await VillageService.villages(under: area.flatMap(AreaCode.init), year: year, in: ctx)
        }
        let header = ["村代码", "村名", "贫困村", "出列年度", "建档立卡户", "建档立卡人口", "未脱贫人口", "户籍人口", "贫困发生率", "退出标准", "达到"]
        let lines = rows.map { r -> [String] in
            let i = r.indicator
            return [r.code.value, r.name, r.isPoorVillage.map(YesNo.label) ?? "", r.exitYear.map(String.init) ?? "", String(r.households),
                    String(i.registeredPoor), String(i.poorRemaining), i.population.map(String.init) ?? "", i.incidence?.description ?? "",
                    i.threshold.describe(western: i.western), i.isMet.map(YesNo.label) ?? "无户籍人口"]
        }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table([header] + lines, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render([header] + lines))
            let judged = rows.filter { $0.indicator.isMet != nil }
            print("\(year)年末：\(rows.count) 个村，\(judged.filter { $0.indicator.isMet == true }.count) 个达到退出标准，\(rows.count - judged.count) 个未录入户籍人口 / \(rows.count) villages, \(judged.filter { $0.indicator.isMet == true }.count) meet the threshold, \(rows.count - judged.count) without population")
        }
    }
}
