import Foundation
import TuopinExchange
import TuopinServices

/// Prints what a file load (cadres, pairings, logs, problems, department files, roster, interviews) found and did;
/// a file with any error wrote nothing (exit 1).
enum FileLoadPrinter {
    static func print(_ outcome: FileLoadOutcome, file: String, noun: (zh: String, en: String), dryRun: Bool) throws {
        if !outcome.issues.isEmpty { FileHandle.standardOutput.write(Data(IssueReport.csv(outcome.issues).utf8)) }
        let errors = outcome.issues.filter { $0.severity == .error }.count
        guard errors == 0 else {
            throw CommandFailure("未导入：\(file) 有 \(errors) 个错误，未写入任何数据", "not loaded: \(file) has \(errors) errors; nothing was written")
        }
        if dryRun || !outcome.written {
            note("检查通过（试运行，未写入）：\(outcome.rows) 行 / check passed (dry run): \(outcome.rows) rows")
        } else {
            note("已导入 / loaded: \(outcome.rows) 行 rows, \(outcome.changed) \(noun.zh)有变化 \(noun.en) changed")
        }
    }

    /// The responsibility files in force, or a message naming the faulty one.
    static func files() throws -> ResponsibilityFiles.Loaded {
        do { return try ResponsibilityFiles.fromEnvironment() } catch let f as ResponsibilityFiles.Fault {
            throw CommandFailure(f.chinese, f.english)
        }
    }
}
