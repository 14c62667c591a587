import ArgumentParser
import Foundation
import TuopinDomain
import TuopinServices

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出建档立卡数据交换文件 / Write the registry in the exchange format (CSV or XLSX).",
        discussion: "文件类型由扩展名决定。XLSX 中证件号码和代码均为文本。 / The type follows the extension; in XLSX, ID numbers and codes are text."
    )

    @Argument(help: "输出文件 / the file to write (.csv or .xlsx)")
    var file: String
    @Option(help: ArgumentHelp("只导出此区划（6、9或12位代码） / only this area (6-, 9- or 12-digit code)", valueName: "CODE"))
    var area: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        guard ext == "csv" || ext == "xlsx" else {
            throw ValidationError("输出文件应以 .csv 或 .xlsx 结尾 / the output file must end in .csv or .xlsx; got '\(file)'")
        }
        if let a = area, AreaCode(a) == nil {
            throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code; got '\(a)'")
        }
    }

    func run() async throws {
        let progress = TerminalProgress()
        do {
            let outcome = try await database.run { ctx in
                try await ExportService.registry(area: area.flatMap(AreaCode.init), to: URL(fileURLWithPath: file), in: ctx) { n in
                    progress.update("导出 / exporting: \(n) 户 households")
                }
            }
            progress.finish()
            note("已导出 / written: \(file) — \(outcome.households) 户 households, \(outcome.members) 人 persons")
        } catch {
            progress.finish()
            throw CommandFailure("导出失败：\(error)", "export failed: \(error)")
        }
    }
}
