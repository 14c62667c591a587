import Foundation
import TuopinExchange
import TuopinServices

/// The load of a small table file (villages, targets): print the fault report, refuse the whole file on
/// any error, stop after the check on a dry run, else write in one transaction and say how much changed.
struct SmallTableLoad {
    var file: String
    /// What a row is, in both languages: ("个村", "villages").
    var noun: (zh: String, en: String)
    var dryRun: Bool
    var database: DatabaseOptions

    func run(issues: [ImportIssue], rows: Int, write: (ServiceContext) async throws -> Int) async throws {
        if !issues.isEmpty { FileHandle.standardOutput.write(Data(IssueReport.csv(issues).utf8)) }
        let errors = issues.filter { $0.severity == .error }.count
        guard errors == 0 else {
            throw CommandFailure("未导入：\(file) 有 \(errors) 个错误，未写入任何数据", "not loaded: \(file) has \(errors) errors; nothing was written")
        }
        guard !dryRun else {
            note("检查通过（试运行，未写入）：\(rows) \(noun.zh) / check passed (dry run): \(rows) \(noun.en)")
            return
        }
        let changed = try await database.run(write)
        note("已导入 / loaded: \(rows) \(noun.zh) \(noun.en), \(changed) 有变化 changed")
    }
}
