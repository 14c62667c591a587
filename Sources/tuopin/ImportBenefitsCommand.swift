import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportBenefitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-benefits",
        abstract: "导入部门的到户资金发放名单 / Load a department's payment list for one policy.",
        discussion: """
            列：证件号码,姓名,金额,发放日期[,项目编号][,备注]；格式见 docs/BENEFITS.md。有任何错误则不写入；不在建档立卡名单的证件号码只是警告（导入并列为防漏疑点）。
            Columns: 证件号码,姓名,金额,发放日期[,项目编号][,备注] (docs/BENEFITS.md). Any error loads nothing; an ID not in the registry is a warning (loaded and flagged).
            """
    )
    @OptionGroup var input: CountyFileOptions
    @Option(help: ArgumentHelp("政策（政策清单中的 key 或名称，如 education） / the policy's key or name", valueName: "KEY")) var policy: String
    @Option(help: ArgumentHelp("发放部门（默认为政策清单中的部门） / the paying department", valueName: "NAME")) var department: String?
    @OptionGroup var database: DatabaseOptions


    func run() async throws {
        let policies: BenefitPolicies
        do { policies = try BenefitFiles.fromEnvironment(ProcessInfo.processInfo.environment) } catch let f as BenefitFiles.Fault {
            throw CommandFailure(f.chinese, f.english)
        }
        let url = input.url
        let outcome = try await database.run { ctx in
            var ctx = ctx
            ctx.benefits = policies
            return try await BenefitsService.load(file: url, policy: policy, department: department, county: input.area, dryRun: input.dryRun, in: ctx)
        }
        try FileLoadPrinter.print(outcome, file: input.file, noun: ("笔", "payments"), dryRun: input.dryRun)
    }
}
