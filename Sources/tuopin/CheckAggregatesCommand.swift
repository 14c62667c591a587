import ArgumentParser
import Foundation
import TuopinServices
import TuopinStore

struct CheckAggregatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-aggregates",
        abstract: "核对汇总表：按登记数据重算并列出差异 / Recompute the summary counts from the registry and list any difference.",
        discussion: "有差异时退出码为1；--repair 按登记数据重建汇总表（记入痕迹）。 / Exits 1 on any difference; --repair rebuilds the table (audited)."
    )

    @Flag(help: "重建汇总表 / rebuild the summary table from the registry")
    var repair = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let started = Date()
        let report = try await database.run { ctx in
            let report = try await SummaryService.check(in: ctx)
            if repair && !report.differences.isEmpty {
                try await SummaryService.rebuild(reason: "check-aggregates --repair: \(report.differences.count) 处差异 differences", in: ctx)
            }
            return report
        }
        for d in report.differences.prefix(50) { print(d) }
        if report.differences.count > 50 { print("……另有 \(report.differences.count - 50) 处 / and \(report.differences.count - 50) more") }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        if report.differences.isEmpty {
            note("汇总表与登记数据一致：\(report.rows) 组（村、县×状态×属性），\(seconds) s / the summary tables match the registry: \(report.rows) groups")
        } else if repair {
            note("发现 \(report.differences.count) 处差异，已重建汇总表 / \(report.differences.count) differences; the summary tables were rebuilt")
        } else {
            throw CommandFailure("汇总表有 \(report.differences.count) 处与登记数据不一致（可用 --repair 重建） / \(report.differences.count) differences (rebuild with --repair)")
        }
    }
}
