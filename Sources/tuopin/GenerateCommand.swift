import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成一个模拟县的建档立卡文件 / Write a realistic synthetic county in the exchange format.",
        discussion: "同一种子生成同一个县。村代码的末三位为虚构。 / The same seed gives the same county. The last 3 digits of village codes are invented."
    )

    @Argument(help: "输出文件 / the file to write (.csv or .xlsx)")
    var file: String
    @Option(help: "户数 / number of households")
    var households: Int
    @Option(help: "随机种子 / random seed")
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp("县级代码（默认东兰县 451224） / 6-digit county code (default 451224, 东兰县)", valueName: "CODE"))
    var county: String = "451224"
    @Option(help: "数据年度：收入年度，年龄按当年12月31日 / the data year: incomes are for it, ages at its 31 December")
    var year: Int = 2016
    @Option(name: .customLong("from-year"),
            help: "历年数据起始年度：每户有从该年起逐年的收入，脱贫分布在各年 / first year of a history: yearly incomes from it, exits spread over the years")
    var fromYear: Int?
    @Option(help: ArgumentHelp("同时写出与之相符的贫困村登记文件（.csv/.xlsx） / also write a village file that agrees with the registry", valueName: "FILE"))
    var villages: String?
    @Option(help: ArgumentHelp("同时写出与之相符的年度减贫计划文件（.csv/.xlsx） / also write a targets file that agrees with the registry", valueName: "FILE"))
    var targets: String?
    @Option(help: ArgumentHelp("同时写出干部名单（含五个一岗位）；须同时给 --pairings 和 --logs / also write a cadre file (with the 五个一 posts); give --pairings and --logs too", valueName: "FILE"))
    var cadres: String?
    @Option(help: ArgumentHelp("同时写出结对帮扶名单 / also write a pairing file", valueName: "FILE"))
    var pairings: String?
    @Option(help: ArgumentHelp("同时写出数据年度全年的工作日志 / also write a year of work logs (the data year)", valueName: "FILE"))
    var logs: String?
    @Option(help: ArgumentHelp("同时在此目录写出八类部门比对文件（含已知的疑点），见 docs/MATCHING.md / also write the eight kinds of department file, with known red flags, to this directory", valueName: "DIR"))
    var departments: String?
    @Flag(help: "加入已知比例的错误行 / add a known share of faulty rows")
    var withErrors = false
    @Option(help: "有错误行的户所占比例（配合 --with-errors） / share of households given one faulty row (with --with-errors)")
    var errorRate: Double = 0.01
    @Flag(help: "加入已知比例的数字脱贫痕迹（收入刚过线、收入数字雷同、收入成倍增长）；须同时给 --from-year / plant paper-exit traces (needs --from-year)")
    var withFabrication = false
    @Option(help: "被加入数字脱贫痕迹的脱贫户所占比例（配合 --with-fabrication） / share of exiting households given a trace")
    var fabricationRate: Double = 0.05

    func validate() throws {
        guard households > 0, households <= 10_000_000 else { throw ValidationError("--households 应为 1–10,000,000 / --households must be 1 to 10,000,000") }
        guard AreaCode(county)?.level == .county else { throw ValidationError("--county 应为6位县级代码 / --county must be a 6-digit county code; got '\(county)'") }
        guard (2014...2020).contains(year) else { throw ValidationError("--year 应在 2014–2020 / --year must be 2014 to 2020") }
        if let fromYear, !(2014...year).contains(fromYear) {
            throw ValidationError("--from-year 应在 2014 至 --year 之间 / --from-year must be from 2014 to --year")
        }
        if (cadres == nil) != (pairings == nil) || (cadres == nil) != (logs == nil) {
            throw ValidationError("--cadres、--pairings、--logs 须一起给出 / give --cadres, --pairings and --logs together")
        }
        for extra in [villages, targets, cadres, pairings, logs].compactMap({ $0 }) {
            let e = URL(fileURLWithPath: extra).pathExtension.lowercased()
            guard e == "csv" || e == "xlsx" else { throw ValidationError("\(extra) 应以 .csv 或 .xlsx 结尾 / \(extra) must end in .csv or .xlsx") }
        }
        var isDirectory: ObjCBool = false
        if let departments, FileManager.default.fileExists(atPath: departments, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--departments 应为目录，\(departments) 是一个文件 / --departments must name a directory; \(departments) is a file")
        }
        if withFabrication, fromYear == nil { throw ValidationError("--with-fabrication 须同时给 --from-year（痕迹在历年收入中） / --with-fabrication needs --from-year") }
        guard (0...1).contains(fabricationRate) else { throw ValidationError("--fabrication-rate 应在 0–1 / --fabrication-rate must be between 0 and 1") }
        guard (0...1).contains(errorRate) else { throw ValidationError("--error-rate 应在 0–1 / --error-rate must be between 0 and 1") }
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        guard ext == "csv" || ext == "xlsx" else { throw ValidationError("输出文件应以 .csv 或 .xlsx 结尾 / the output file must end in .csv or .xlsx") }
    }

    func run() async throws {
        let start = Date()
        var options = GeneratorOptions(households: households, seed: seed, county: AreaCode(county)!, year: year, errorRate: withErrors ? errorRate : 0,
                                       firstYear: fromYear)
        options.fabrication = withFabrication ? fabricationRate : 0
        options.keepHomes = departments != nil
        let progress = TerminalProgress()
        let summary: RegistryGenerator.Summary
        do {
            var generator = try RegistryGenerator(options: options)
            summary = try generator.write(to: URL(fileURLWithPath: file), yearFile: fromYear == nil ? nil : Self.yearFile(file)) {
                progress.update("生成 / generating: \($0)/\(households) 户 households")
            }
            let extras = GeneratedCounty(summary: summary, options: options)
            if let villages { try extras.writeVillages(to: URL(fileURLWithPath: villages)) }
            if let targets { try extras.writeTargets(to: URL(fileURLWithPath: targets)) }
            if let cadres, let pairings, let logs {
                let chain = GeneratedChain(summary: summary, options: options, villages: extras.villages, set: try FileLoadPrinter.files().active)
                try chain.writeCadres(to: URL(fileURLWithPath: cadres))
                try chain.writePairings(to: URL(fileURLWithPath: pairings))
                try chain.writeLogs(to: URL(fileURLWithPath: logs))
                note("干部、结对、日志 / cadres, pairings, logs: \(chain.cadres.count), \(chain.pairings.count), \(chain.logs.count) 行 rows（tuopin import-cadres / import-pairings / import-logs）")
            }
            if let departments {
                let out = try GeneratedDepartmentFiles.write(homes: summary.homes, county: options.county, year: year, seed: seed,
                                                             to: URL(fileURLWithPath: departments, isDirectory: true))
                note("部门比对文件 / department files: \(out.files.map { $0.url.lastPathComponent }.joined(separator: ", "))（\(out.planted.count) 个已知疑点 planted flags；tuopin import-department FILE --kind KIND）")
            }
        } catch let fault as FileFault {
            throw CommandFailure(fault.message)
        }
        progress.finish()
        if let fromYear, fromYear < year {
            let files = (fromYear..<year).map { Self.yearFile(file)($0).lastPathComponent }
            note("历年文件 / earlier years: \(files.joined(separator: ", "))；按年度先后导入，最后导入 \(file) / import them oldest first, then \(file)")
        }
        if let villages { note("贫困村登记文件 / village file: \(villages)（tuopin import-villages）") }
        if let targets { note("减贫计划文件 / targets file: \(targets)（tuopin import-targets）") }
        let seconds = Date().timeIntervalSince(start)
        note(String(format: "已生成 / written: %@ — %d 户 households, %d 人 persons in %.2f s (%.0f households/s)",
                    file, summary.households, summary.members, seconds, Double(summary.households) / max(seconds, 0.001)))
        if withFabrication {
            let kinds = summary.fabricated.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value.count)" }.joined(separator: "，")
            note("数字脱贫痕迹 / paper-exit traces planted: \(kinds)（tuopin suspicions --year 脱贫年度）")
        }
        if summary.faultyRows > 0 {
            let kinds = summary.faults.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: "，")
            note("错误行 / faulty rows: \(summary.faultyRows)（\(kinds)）")
        }
    }

    /// `county.csv` → `county-2015.csv` beside it.
    static func yearFile(_ file: String) -> (Int) -> URL {
        let url = URL(fileURLWithPath: file)
        let stem = url.deletingPathExtension().lastPathComponent, ext = url.pathExtension
        return { year in url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(year).\(ext)") }
    }
}
