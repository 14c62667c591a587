import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "脱贫标准核验 / Test every household against the exit standard for a year.",
        discussion: """
            --format csv 输出核验结论文件（户编号,结论,未达标项），见数据交换格式说明；--format table 按乡镇汇总。
            年龄按参照日计算（默认该年12月31日）。
            --format csv writes the verdict file (户编号,结论,未达标项) of the exchange format; --format table sums it up by township.
            Ages count on the reference date (31 December of the year unless --as-of says otherwise).
            """
    )

    @Option(help: "核验年度 / the year tested")
    var year: Int
    @Option(help: ArgumentHelp("只核验此区划（6、9或12位代码） / only this area (6-, 9- or 12-digit code)", valueName: "CODE"))
    var area: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("参照日（年龄计算），YYYY-MM-DD / reference date for ages", valueName: "DATE"))
    var asOf: String?
    @Option(help: "table（按乡镇汇总）或 csv（核验结论文件） / table (summary by township) or csv (the verdict file)")
    var format: ReportFormat = .table
    @Option(help: "all、not-exited（未脱贫）或 exited（已脱贫） / which households")
    var status: Status = .all
    @Option(help: ArgumentHelp("写入文件而非标准输出 / write to this file instead of standard output", valueName: "FILE"))
    var output: String?
    @OptionGroup var standardsOption: StandardsOption
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let a = area, AreaCode(a) == nil {
            throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code; got '\(a)'")
        }
        if let d = asOf, case .failure(let fault) = EventDate.parse(d, field: "--as-of", label: "--as-of", today: LocalDate(Date())) {
            throw ValidationError("\(fault.chinese) / \(fault.english)")
        }
        guard (2000...2100).contains(year) else { throw ValidationError("--year 应为年份 / --year must be a year; got \(year)") }
    }

    func run() async throws {
        let standard = try standardsOption.load()
        let sink = try OutputSink(path: output)
        let progress = TerminalProgress()
        let started = Date()
        let tally: ExitService.Tally
        do {
            tally = try await database.run(standards: standard) { ctx in
                if format == .csv { sink.write(VerdictFile.header) }
                let tally = try await ExitService.evaluate(area: area.flatMap(AreaCode.init), year: year, referenceDate: asOf.flatMap(LocalDate.init(iso:)),
                                                           households: status.households, groupLevel: .township, in: ctx, each: { tested in
                    guard format == .csv else { return }
                    var text = ""
                    for t in tested { text += VerdictFile.row(number: t.household.number, verdict: t.verdict) }
                    sink.write(text)
                }, progress: { progress.update("核验 / evaluating: \($0) 户 households") })
                progress.finish()
                if format == .table {
                    let names = try await AreaService.names(of: Array(tally.byArea.keys), in: ctx)
                    sink.write(ExitTallyTable.render(year: year, reference: tally.referenceDate, total: tally.total, byTownship: tally.byArea, names: names))
                }
                return tally
            }
            try sink.close()
        } catch {
            progress.finish()
            throw error
        }
        let seconds = Date().timeIntervalSince(started)
        let total = tally.total
        note(String(format: "已核验 / evaluated: %d 户 households, %d 达标 meet, %d 未达标 do not; %.2f s, %.0f 户/秒 households/s",
                    total.households, total.meeting, total.notMeeting, seconds, Double(total.households) / max(seconds, 0.001)))
    }
}

extension EvaluateCommand {
    enum Status: String, ExpressibleByArgument, CaseIterable {
        case all
        case notExited = "not-exited"
        case exited

        var households: ExitService.Households {
            switch self {
            case .all: .all
            case .notExited: .notExited
            case .exited: .exited
            }
        }
    }
}
