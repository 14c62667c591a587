import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportInterviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-interviews",
        abstract: "导入纸质入户调查结果 / Load interviews collected on paper into an open evaluation.",
        discussion: """
            列：样本编号,访问日期,访问员,核实结论,认可度，可加 脱贫攻坚政策,帮扶措施及成效,脱贫退出,干部帮扶,说明（见 docs/EVALUATION.md）。
            样本编号须在该评估样本中，核实结论须与其层相符；有任何错误则不写入。已有的调查结果被替换并留痕。
            Columns: docs/EVALUATION.md. Any error loads nothing; an interview already recorded is replaced (audited).
            """
    )
    @Argument(help: "要导入的文件 / the file to load (.csv or .xlsx)") var file: String
    @Option(help: ArgumentHelp("评估编号 / the evaluation's ID", valueName: "ID")) var evaluation: Int64
    @Flag(name: .customLong("dry-run"), help: "只检查，不写入 / check only, write nothing") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard evaluation > 0 else { throw ValidationError("--evaluation 应为评估编号 / --evaluation must be an evaluation's ID") }
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("找不到文件 \(file) / no such file: \(file)") }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let questionnaire: Questionnaire
        do { questionnaire = try QuestionnaireFiles.fromEnvironment(ProcessInfo.processInfo.environment) } catch let f as QuestionnaireFiles.Fault {
            throw CommandFailure(f.chinese, f.english)
        }
        let outcome = try await database.run { ctx in
            try await EvaluationService.importInterviews(InterviewFileReader.read(url, today: ctx.today, questionnaire: questionnaire), evaluation: Evaluation.ID(evaluation),
                                                         dryRun: dryRun, in: ctx)
        }
        try FileLoadPrinter.print(outcome, file: file, noun: ("户", "interviews"), dryRun: dryRun)
    }
}
