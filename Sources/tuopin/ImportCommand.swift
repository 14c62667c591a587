import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入建档立卡数据交换文件（CSV 或 XLSX） / Load a registry exchange file (CSV or XLSX).",
        discussion: """
        检查每一行每一列；有任何错误则不写入任何数据并以非零状态退出，警告不影响导入。
        再次导入同一文件按户编号更新（成员按证件号码），不会重复。
        Every row and column is checked; a file with any error writes nothing and exits non-zero.
        Loading again updates households by 户编号 (members by ID number) and never duplicates.
        """
    )

    @Argument(help: "要导入的文件 / the file to load (.csv or .xlsx)")
    var file: String
    @Option(help: ArgumentHelp("所属县的6位代码：村代码须在其下 / the county's 6-digit code; every village must lie under it", valueName: "CODE"))
    var county: String?
    @Flag(help: "只检查，不写入 / check only, write nothing")
    var dryRun = false
    @Option(help: ArgumentHelp("把问题清单写入此 CSV 文件 / write the list of faults to this CSV file", valueName: "FILE"))
    var report: String?
    @Option(help: "XLSX 中要读的工作表（默认第一个） / the XLSX sheet to read (default: the first)")
    var sheet: String?
    @OptionGroup var anchorFiles: AuditCommand.AnchorFiles
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let c = county, AreaCode(c)?.level != .county {
            throw ValidationError("--county 应为6位县级代码，如 451224 / --county must be a 6-digit county code such as 451224; got '\(c)'")
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw ValidationError("找不到文件 \(file) / no such file: \(file)")
        }
    }

    func run() async throws {
        let progress = TerminalProgress()
        let outcome: ImportOutcome
        // With an anchor key and log configured, a load that wrote is anchored at once (docs/SECURITY.md).
        let key = try anchorFiles.keyPath.map(AnchorKey.load)
        let log = anchorFiles.logPath
        var anchored: Result<AuditAnchor?, any Error> = .success(nil)
        do {
            (outcome, anchored) = try await database.run(forLoading: true) { ctx in
                let outcome = try await ImportService.registry(URL(fileURLWithPath: file), county: county.flatMap(AreaCode.init), dryRun: dryRun,
                                                               sheet: sheet, in: ctx) { step in
                    switch step {
                    case .reading(let rows): progress.update("读取 / reading: \(rows) 行 rows")
                    case .checking: progress.update("核对登记库 / checking against the registry…", force: true)
                    case .writing(let done, let total): progress.update("写入 / writing: \(done)/\(total) 户 households")
                    }
                }
                guard outcome.written, let key, let log else { return (outcome, .success(nil)) }
                // The load has committed: a failure to anchor is reported, not taken for a failed load.
                do { return (outcome, .success(try await AuditService.anchor(key: key, log: log, in: ctx))) } catch { return (outcome, .failure(error)) }
            }
        } catch {
            progress.finish()
            if let refusal = error as? any Refusal {
                throw CommandFailure("导入失败，未写入任何数据：\(refusal.chinese)", "the import failed and wrote nothing: \(refusal.english)")
            }
            throw CommandFailure("导入失败，未写入任何数据：\(error)", "the import failed and wrote nothing: \(error)")
        }
        progress.finish()
        try ImportReportPrinter.print(outcome, file: file, reportPath: report, dryRun: dryRun)
        switch anchored {
        case .success(let a?): note("已写入锚点 / anchor written: 第 \(a.seq) 条 seq → \(log ?? "")")
        case .success(nil): break
        case .failure(let e): note("数据已导入，但锚点未写入 / the data is loaded, but no anchor was written: \(e)")
        }
        if outcome.hasErrors { throw ExitCode.failure }
    }
}
