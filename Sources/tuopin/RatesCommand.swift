import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct RatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract: "评估结果：错退率、漏评率、群众认可度及95%置信区间 / An evaluation's rates with their 95% intervals.",
        discussion: "CSV 列：指标,样本数,事件数,比率,加权估计,置信下限,置信上限,阈值,是否达标。方法见 docs/EVALUATION.md。"
    )
    @Option(help: ArgumentHelp("评估编号 / the evaluation", valueName: "ID")) var evaluation: Int64
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let rates = try await database.run { ctx in try await EvaluationService.rates(Evaluation.ID(evaluation), in: ctx) }
        let rows = [EvaluationRates.header] + rates.rows
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(rows, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(rows))
            for r in rates.all { print(r.sentence) }
        }
    }
}
