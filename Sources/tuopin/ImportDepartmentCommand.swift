import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

extension DepartmentRecord.Kind: ExpressibleByArgument {}

struct ImportDepartmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-department",
        abstract: "导入部门比对数据（死亡、迁出、车辆、不动产、市场主体、财政供养、职工养老保险、学籍） / Load a department's file for matching.",
        discussion: """
            --kind: deaths, moves, vehicles, property, business, payroll, pension, school；各类的列见 docs/MATCHING.md。有任何错误则不写入；不在建档立卡名单的证件号码是警告。
            Columns of each kind: docs/MATCHING.md. Any error loads nothing; an ID not in the registry is a warning.
            """
    )
    @Argument(help: "要导入的文件 / the file to load (.csv or .xlsx)") var file: String
    @Option(help: ArgumentHelp("数据类别 / the kind of file", valueName: "KIND")) var kind: DepartmentRecord.Kind
    @Option(help: ArgumentHelp("县（6位代码；县扶贫办账号以外必填） / the county", valueName: "CODE")) var county: String?
    @Flag(name: .customLong("dry-run"), help: "只检查，不写入 / check only, write nothing") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let c = county, AreaCode(c)?.level != .county { throw ValidationError("--county 应为6位县级代码 / --county must be a 6-digit county code") }
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("找不到文件 \(file) / no such file: \(file)") }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let outcome = try await database.run { ctx in
            try await MatchService.load(DepartmentFileReader.read(url, kind: kind, today: ctx.today), kind: kind, file: url,
                                        county: county.flatMap(AreaCode.init), dryRun: dryRun, in: ctx)
        }
        try ResponsibilityLoadPrinter.print(outcome, file: file, noun: ("条", "records matched"), dryRun: dryRun)
    }
}
