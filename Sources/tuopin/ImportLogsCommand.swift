import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportLogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-logs",
        abstract: "导入工作日志（走访、驻村、会议、请假） / Load work logs (visits, days in the village, meetings, leave).",
        discussion: "格式见 docs/RESPONSIBILITY.md。有任何错误则不写入；走访未结对的户只是警告。 / Format: docs/RESPONSIBILITY.md. Any error loads nothing; a visit to an unpaired household is a warning."
    )
    @OptionGroup var input: CountyFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let files = try FileLoadPrinter.files()
        let area = input.area
        let outcome = try await database.run { ctx in
            var ctx = ctx
            ctx.responsibility = files
            let read = WorkLogFileReader.read(input.url, county: area, today: ctx.today)
            return try await ResponsibilityService.loadLogs(read, county: area, file: input.url.lastPathComponent, dryRun: input.dryRun, in: ctx)
        }
        try FileLoadPrinter.print(outcome, file: input.file, noun: ("条", "logs"), dryRun: input.dryRun)
    }
}
