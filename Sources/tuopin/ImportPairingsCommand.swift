import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportPairingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-pairings",
        abstract: "导入结对帮扶名单（户编号 ↔ 帮扶责任人） / Load household–helper pairings.",
        discussion: "格式见 docs/RESPONSIBILITY.md。更换帮扶责任人时，原结对在新结对开始前一天结束。 / Format: docs/RESPONSIBILITY.md. A new helper ends the old pairing the day before."
    )
    @OptionGroup var input: CountyFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let files = try FileLoadPrinter.files()
        let outcome = try await database.run { ctx in
            var ctx = ctx
            ctx.responsibility = files
            let read = PairingFileReader.read(input.url, today: ctx.today)
            return try await ResponsibilityService.loadPairings(read, county: input.area, dryRun: input.dryRun, in: ctx)
        }
        try FileLoadPrinter.print(outcome, file: input.file, noun: ("对", "pairings"), dryRun: input.dryRun)
    }
}
