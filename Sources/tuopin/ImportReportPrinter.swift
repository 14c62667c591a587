import Foundation
import TuopinExchange
import TuopinStore

/// What `tuopin import` prints: the fault list as CSV on standard output (and into --report), a summary on standard error.
enum ImportReportPrinter {
    static let shownLimit = 200

    static func print(_ o: ImportOutcome, file: String, reportPath: String?, dryRun: Bool) throws {
        if !o.issues.isEmpty {
            let csv = IssueReport.csv(Array(o.issues.prefix(shownLimit)))
            FileHandle.standardOutput.write(Data(csv.utf8))
            if o.issues.count > shownLimit {
                note("……另有 \(o.issues.count - shownLimit) 条未显示，完整清单见 --report / \(o.issues.count - shownLimit) more not shown; use --report for the full list")
            }
        }
        if let path = reportPath {
            try IssueReport.write(o.issues, to: URL(fileURLWithPath: path))
            note("问题清单已写入 / fault list written to \(path)")
        }
        let counts = "\(o.rowCount) 行 rows, \(o.households) 户 households, \(o.members) 人 persons; \(o.errorCount) 个错误 errors, \(o.warningCount) 个警告 warnings"
        if o.hasErrors {
            note("未导入：\(file) 有错误，未写入任何数据 / not loaded: \(file) has errors; nothing was written (\(counts))")
        } else if dryRun {
            note("检查通过（试运行，未写入） / check passed (dry run, nothing written): \(counts); 将新增 \(o.created) 户，已登记 \(o.updated) 户（有变化的将更新） / would add \(o.created); \(o.updated) already registered (updated where changed)")
        } else {
            note(String(format: "已导入 / loaded: %@; 新增 %d 户、更新 %d 户、未变 %d 户 / added %d, updated %d, unchanged %d; 读取 %.1f s, 写入 %.1f s (batch %@)",
                        counts, o.created, o.updated, o.unchanged, o.created, o.updated, o.unchanged, o.readSeconds, o.writeSeconds,
                        o.batchID.map(String.init) ?? "-"))
        }
    }
}
