import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportProblemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-problems",
        abstract: "导入问题清单（上级交办、审计、评估反馈） / Load a list of problems handed down.",
        discussion: """
            列：来源,区划代码,责任单位,责任人,类别,问题描述,严重程度,发现日期,整改期限,涉及户编号（见 docs/SUPERVISION.md）；`tuopin problems --format csv` 导出的清单也可导入。\
            类别须为督查规则中的检查项目，责任单位和责任人须在责任体系中；有任何错误则不写入。
            Columns: docs/SUPERVISION.md; a list exported by `tuopin problems --format csv` loads too. Any error loads nothing.
            """
    )
    @OptionGroup var input: CountyFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = input.url
        let rules: SupervisionRules
        do { rules = try SupervisionFiles.fromEnvironment(ProcessInfo.processInfo.environment) } catch let f as SupervisionFiles.Fault {
            throw CommandFailure(f.chinese, f.english)
        }
        let outcome = try await database.run { ctx in
            var c = ctx
            c.supervision = rules
            return try await SupervisionService.importProblems(ProblemFileReader.read(url, checkItems: rules.checkItems, today: c.today),
                                                               county: input.area, dryRun: input.dryRun, in: c)
        }
        try FileLoadPrinter.print(outcome, file: input.file, noun: ("个问题", "problems listed"), dryRun: input.dryRun)
    }
}
