import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportVillagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-villages",
        abstract: "导入贫困村登记文件（户籍人口、贫困村、出列年度） / Load a village file (registered population, poor-village flag, exit year).",
        discussion: "格式见 docs/VILLAGES.md。有任何错误则不写入。 / Format: docs/VILLAGES.md. A file with any error loads nothing."
    )

    @Argument(help: "村级文件 / the village file (.csv or .xlsx)")
    var file: String
    @Option(help: ArgumentHelp("只接受此县的村（6位代码） / accept only villages of this county", valueName: "CODE"))
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
        let read = VillageFileReader.read(URL(fileURLWithPath: file), county: county.flatMap(AreaCode.init))
        try await SmallTableLoad(file: file, noun: ("个村", "villages"), dryRun: dryRun, database: database)
            .run(issues: read.issues, rows: read.villages.count) { ctx in
                try await VillageService.load(read.villages, reason: "导入村级文件 \(file) / village file \(file)", in: ctx)
            }
    }
}
