import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportTargetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-targets",
        abstract: "导入年度减贫计划（挂图作战） / Load yearly exit targets (households, persons, villages, county exit year).",
        discussion: "格式见 docs/TARGETS.md。有任何错误则不写入。 / Format: docs/TARGETS.md. A file with any error loads nothing."
    )

    @Argument(help: "计划文件 / the targets file (.csv or .xlsx)")
    var file: String
    @Option(help: ArgumentHelp("只接受此县的区划（6位代码） / accept only areas of this county", valueName: "CODE"))
    var county: String?
    @Flag(name: .customLong("dry-run"), help: "只检查，不写入 / check only, write nothing")
    var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let c = county, AreaCode(c)?.level != .county {
            throw ValidationError("--county 应为6位县级代码 / --county must be a 6-digit county code; got '\(c)'")
        }
    }

    func run() async throws {
        let read = TargetFileReader.read(URL(fileURLWithPath: file), county: county.flatMap(AreaCode.init))
        try await SmallTableLoad(file: file, noun: ("条计划", "targets"), dryRun: dryRun, database: database)
            .run(issues: read.issues, rows: read.targets.count) { ctx in
                try await TargetService.load(read.targets, reason: "导入减贫计划 \(file) / targets file \(file)", in: ctx)
            }
    }
}
