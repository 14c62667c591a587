import ArgumentParser
import TuopinDomain

/// `--year`, `--area` (a county or township) and `--format`, shared by the yearly check reports (leaks, match).
struct YearAreaOptions: ParsableArguments {
    @Option(help: ArgumentHelp("年度 / the year", valueName: "YEAR")) var year: Int
    @Option(help: ArgumentHelp("县或乡镇（6或9位代码） / the county or township", valueName: "CODE")) var area: String
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table

    var code: AreaCode? { AreaCode(area) }

    func validate() throws {
        guard let a = AreaCode(area), a.level == .county || a.level == .township else {
            throw ValidationError("--area 应为6位县级或9位乡镇代码 / --area must be a county or township code")
        }
        guard (2014...2100).contains(year) else { throw ValidationError("--year 应为2014–2100 / --year must be 2014–2100") }
    }
}
