import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct LeaksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaks",
        abstract: "防漏疑点：到户资金与建档立卡名单比对 / Leak flags: a year's benefit payments checked against the registry.",
        discussion: """
            规则：不在建档立卡名单、退出后超期享受、同月重复发放、超标准发放、应享未享（义务教育资助、危房改造）。见 docs/BENEFITS.md。
            Rules: not registered, after exit, paid twice in a month, over the yearly cap, entitled but not received. See docs/BENEFITS.md.
            """
    )
    @OptionGroup var report: YearAreaOptions
    @OptionGroup var database: DatabaseOptions


    func run() async throws {
        let policies: BenefitPolicies
        do { policies = try BenefitFiles.fromEnvironment(ProcessInfo.processInfo.environment) } catch let f as BenefitFiles.Fault {
            throw CommandFailure(f.chinese, f.english)
        }
        let q = try await database.run { ctx in
            var ctx = ctx
            ctx.benefits = policies
            return try await BenefitsService.leaks(year: report.year, area: report.code, in: ctx)
        }
        let rows = q.table.map { Array($0.prefix(6)) }
        if report.format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(rows, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(rows))
            print("共 \(q.flags.count) 个疑点，未核实 \(q.open) 个 / \(q.flags.count) flags, \(q.open) not yet verified")
        }
    }
}
