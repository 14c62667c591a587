import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct FundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funds",
        abstract: "资金报账率与沉淀资金：每笔下达资金的报账情况 / Each allocation's reimbursement rate, and the idle funds.",
        discussion: """
            下达超过 --idle-days 天、报账率低于 --idle-rate% 的为沉淀资金（默认90天、30%）。--flag 把沉淀资金列入问题清单。
            Allocations older than --idle-days whose rate is under --idle-rate% are idle (defaults 90 days, 30%). --flag lists them as problems.
            """
    )
    @Option(name: .customLong("as-of"), help: ArgumentHelp("统计日期（默认今天） / the date to compute on (default today)", valueName: "DATE")) var asOf: String?
    @Option(help: ArgumentHelp("只含此区划（6、9或12位代码） / only this area", valueName: "CODE")) var area: String?
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table
    @Option(name: .customLong("idle-days"), help: "沉淀天数阈值 / days after which unspent money is idle") var idleDays = 90
    @Option(name: .customLong("idle-rate"), help: "沉淀报账率阈值（%） / the rate (per cent) under which it is idle") var idleRate = 30
    @Flag(help: "把尚未列入的沉淀资金列入问题清单 / list idle funds not yet listed as problems") var flag = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let a = area, AreaCode(a) == nil { throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code") }
        if let d = asOf, LocalDate(iso: d) == nil || d.count != 10 { throw ValidationError("--as-of 应为日期 YYYY-MM-DD / --as-of must be a date YYYY-MM-DD; got '\(d)'") }
        guard (1...3650).contains(idleDays) else { throw ValidationError("--idle-days 应在1至3650之间 / --idle-days must be 1 to 3650") }
        guard (1...100).contains(idleRate) else { throw ValidationError("--idle-rate 应在1至100之间 / --idle-rate must be 1 to 100") }
    }

    func run() async throws {
        let rule = IdleFundRule(days: idleDays, threshold: idleRate)
        let (o, flagged) = try await database.run { ctx in
            let day = asOf.flatMap { LocalDate(iso: $0) } ?? ctx.today
            let o = try await FundsService.overview(area: area.flatMap(AreaCode.init), asOf: day, rule: rule, in: ctx)
            let flagged = flag ? try await FundsService.flagIdle(area: area.flatMap(AreaCode.init), asOf: day, rule: rule, in: ctx).count : 0
            return (o, flagged)
        }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(o.table, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(o.table))
            print("合计 / total: 下达 \(o.total.allocated.groupedYuan) 元，已报账 \(o.total.reimbursed.groupedYuan) 元，报账率 \(o.total.rate.percent)；"
                  + "沉淀 \(o.total.idleCount) 笔 \(o.total.idleAmount.groupedYuan) 元 / \(o.total.idleCount) idle allocations")
        }
        if flag { FileHandle.standardError.write(Data("已列入问题清单 / listed as problems: \(flagged)\n".utf8)) }
    }
}
