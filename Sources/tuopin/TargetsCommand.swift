import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct TargetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "挂图作战：年度减贫计划与完成情况 / Yearly exit targets against progress.",
        discussion: """
            每个区划一行：计划、已脱贫、达标待退出（只差退出程序）、未达标及缺项。未给 --area 时为每个县一行。
            One row per area: planned, exited, meeting the standard but not yet exited (only the procedure left),
            not meeting it and what is missing. Without --area, one row per county.
            """
    )

    @Option(help: "年度 / the year")
    var year: Int
    @Option(help: ArgumentHelp("此区划及其下一级（6、9位代码） / this area and the areas one level down", valueName: "CODE"))
    var area: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("核验参照日（默认为当年12月31日） / reference date for ages", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(help: "table 或 csv / table or csv")
    var format: ReportFormat = .table
    @OptionGroup var standardsOption: StandardsOption
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let a = area, AreaCode(a) == nil || AreaCode(a)?.level == .village {
            throw ValidationError("--area 应为6或9位区划代码 / --area must be a 6- or 9-digit area code; got '\(a)'")
        }
        if let d = asOf, case .failure(let fault) = EventDate.parse(d, field: "--as-of", label: "--as-of", today: LocalDate(Date())) {
            throw ValidationError("\(fault.chinese) / \(fault.english)")
        }
        guard (2014...2100).contains(year) else { throw ValidationError("--year 应为2014年以后的年份 / --year must be 2014 or later; got \(year)") }
    }

    func run() async throws {
        let standards = try standardsOption.load()
        let lines: [[String]] = try await database.run(standards: standards) { ctx in
            _ = try StandardsService.inForce(in: ctx)
            var areas = area.flatMap(AreaCode.init).map { [$0] } ?? []
            if areas.isEmpty { areas = try await AreaService.counties(in: ctx) }
            var lines: [[String]] = []
            for code in areas {
                let (total, parts) = try await TargetService.progress(of: code, year: year, referenceDate: asOf.flatMap(LocalDate.init(iso:)), in: ctx)
                let shown = (area == nil ? [] : parts.filter { $0.area != code }) + [total]
                let names = try await AreaService.names(of: shown.map(\.area), in: ctx)
                lines += shown.map { TargetProgressTable.row($0, name: names[$0.area] ?? "") }
            }
            return lines
        }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table([TargetProgressTable.header] + lines, byteOrderMark: false).utf8))
        } else {
            print("\(year)年减贫计划完成情况 / exit targets for \(year)\n")
            print(PlainTable.render([TargetProgressTable.header] + lines))
        }
    }
}
