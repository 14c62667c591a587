import ArgumentParser
import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore

struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "区划汇总：户数、人数（按脱贫状态、贫困户属性）及下一级 / An area's counts by status and type, and the areas under it.",
        discussion: "读汇总表（随登记数据实时更新），并报告查询耗时。 / Reads the summary table the registry keeps current and reports the query time."
    )

    @Option(help: ArgumentHelp("区划代码（6、9或12位，如 450000 为广西） / the area", valueName: "CODE"))
    var area: String
    @Option(help: "重复查询次数，报告中位数 / repeat the query and report the median")
    var repeats = 1
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard AreaCode(area) != nil else { throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code; got '\(area)'") }
        guard (1...1000).contains(repeats) else { throw ValidationError("--repeats 应为1–1000 / --repeats must be 1–1000") }
    }

    func run() async throws {
        let code = AreaCode(area)!
        let (node, times) = try await database.run { ctx in
            var node: AreaNode?
            var times: [Double] = []
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                node = try await AreaService.summary(code, in: ctx)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return (node, times)
        }
        guard let node else { throw CommandFailure("区划\(code.value)下没有建档立卡户 / no registered households under \(code.value)") }
        let header = ["区划", "户数", "人数", "未脱贫户", "未脱贫人口", "已脱贫户", "已脱贫人口"]
        func line(_ n: AreaNode) -> [String] {
            let c = n.counts
            return ["\(n.area.code.prefix) \(n.area.name)", "\(c.households)", "\(c.persons)", "\(c.households(.notExited))",
                    "\(c.persons(.notExited))", "\(c.households(.exited))", "\(c.persons(.exited))"]
        }
        print(PlainTable.render([header] + node.children.map(line) + [line(node)]))
        let sorted = times.sorted()
        note(String(format: "查询耗时 / query time: %.1f ms（中位数 median of %d; first %.1f ms）", sorted[sorted.count / 2], times.count, times[0]))
    }
}
