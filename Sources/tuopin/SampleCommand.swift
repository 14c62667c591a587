import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "评估抽样：按种子抽取村和户（同一种子同一样本） / Draw an evaluation's sample, reproducibly by seed.",
        discussion: """
            --evaluation ID 写出已组织的评估的样本；或 --county CODE --year Y --seed S [--villages N] [--per-village a,b,c] 只抽样不保存。
            输出列：样本编号,村代码,村类型,层,户编号,户号,户主姓名,入样概率。见 docs/EVALUATION.md。
            Either an evaluation's stored sample, or a draw from the registry that writes nothing. Columns: docs/EVALUATION.md.
            """
    )
    @Option(help: ArgumentHelp("已组织的评估编号 / an evaluation's number", valueName: "ID")) var evaluation: Int64?
    @Option(help: ArgumentHelp("县（6位代码） / the county", valueName: "CODE")) var county: String?
    @Option(help: "评估年度 / the year evaluated") var year: Int?
    @Option(help: "随机种子 / the seed") var seed: UInt64?
    @Option(help: "抽取村数（默认25） / villages to draw (25)") var villages: Int = 25
    @Option(name: .customLong("per-village"), help: ArgumentHelp("每村户数：脱贫户,未脱贫户,卡外户（默认 30,10,30） / households a village by stratum",
                                                                 valueName: "a,b,c")) var perVillage: String = "30,10,30"
    @Option(help: ArgumentHelp("写入文件（默认标准输出） / write to this file (standard output by default)", valueName: "FILE")) var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if evaluation == nil {
            guard let c = county, AreaCode(c)?.level == .county else { throw ValidationError("请给出 --evaluation，或 --county（6位县级代码） / give --evaluation, or --county with a 6-digit code") }
            guard year != nil, seed != nil else { throw ValidationError("抽样须给出 --year 和 --seed / a draw needs --year and --seed") }
        }
        guard (1...200).contains(villages) else { throw ValidationError("--villages 应为 1–200 / --villages must be 1 to 200") }
        guard EvaluationDesign.perVillage(perVillage) != nil else {
            throw ValidationError("--per-village 应为三个数：脱贫户,未脱贫户,卡外户，如 30,10,30 / --per-village must be three numbers a,b,c")
        }
    }

    func run() async throws {
        let rows = try await database.run { ctx -> [[String]] in
            let picks: [EvaluationSampler.Pick]
            if let evaluation {
                picks = try await EvaluationService.detail(Evaluation.ID(evaluation), in: ctx).sample.map(\.pick)
            } else {
                let design = EvaluationDesign(villages: villages, perVillage: EvaluationDesign.perVillage(perVillage)!)
                picks = try await EvaluationService.draw(county: AreaCode(county!)!, year: year!, seed: seed!, design: design, in: ctx)
            }
            guard let code = evaluation == nil ? AreaCode(county!) : picks.first?.village.ancestor(at: .county) else { return EvaluationService.sampleRows([], heads: [:]) }
            return EvaluationService.sampleRows(picks, heads: try await EvaluationService.heads(picks, county: code, in: ctx))
        }
        let sink = try OutputSink(path: output)
        sink.write(CSVFormat.table(rows, byteOrderMark: output != nil))
        try sink.close()
        if output != nil { note("已写出 \(rows.count - 1) 户 / wrote \(rows.count - 1) households") }
    }
}
