import ArgumentParser
import Foundation
import TuopinServices
import TuopinStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "痕迹（审计记录） / The audit trail.",
        subcommands: [Verify.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验痕迹哈希链，报告第一处断点 / Walk the hash chain and report the first broken link.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let progress = TerminalProgress()
            let report = try await database.run { ctx in
                defer { progress.finish() }
                return try await AuditService.verify(in: ctx) { progress.update("校验 / checked: \($0)") }
            }
            if let b = report.firstBreak {
                print("痕迹链断裂 / BROKEN: \(b.problem)（记录序号 seq \(b.seq)\(b.id.map { "，id \($0)" } ?? "")；此前 \(report.checked) 条完好 / \(report.checked) records before it are intact）")
                throw ExitCode.failure
            }
            print("痕迹链完整 / intact: \(report.checked) 条记录 records")
        }
    }
}
