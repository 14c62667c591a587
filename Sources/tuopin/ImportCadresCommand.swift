import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportCadresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-cadres",
        abstract: "导入干部名单及其责任岗位（五个一 / 七层责任） / Load cadres and their posts.",
        discussion: "格式见 docs/RESPONSIBILITY.md。按电话更新，有任何错误则不写入。 / Format: docs/RESPONSIBILITY.md. Cadres are matched by phone; a file with any error loads nothing."
    )
    @OptionGroup var input: CountyFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let files = try FileLoadPrinter.files()
        let area = input.area
        let outcome = try await database.run { ctx in
            var ctx = ctx
            ctx.responsibility = files
            let read = CadreFileReader.read(input.url, set: files.active, county: area, today: ctx.today)
            return try await ResponsibilityService.loadCadres(read, county: area, dryRun: input.dryRun, reason: "导入干部名单 \(input.file) / cadre file \(input.file)", in: ctx)
        }
        try FileLoadPrinter.print(outcome, file: input.file, noun: ("项", "items"), dryRun: input.dryRun)
    }
}
