import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import Vapor

/// A table file (CSV or XLSX) sent with a form — a department's payment list — saved under its own name in a
/// directory of its own for the file reader, and the outcome of loading it shown on the page it came from.
struct UploadedTable {
    let url: URL
    let directory: URL

    /// The form's one file; a missing, empty or other kind of file is refused naming the field.
    static func save(_ req: Request) throws -> UploadedTable {
        guard let upload = req.uploads().first(where: { !$0.content.isEmpty }) else {
            throw Refused(.invalid, "请选择要导入的 CSV 或 XLSX 文件", "choose a CSV or XLSX file to load", field: "files")
        }
        let name = (upload.name as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        guard ext == "csv" || ext == "xlsx", !name.hasPrefix("."), TextRule.fault(name, .cell) == nil else {
            throw Refused(.invalid, "只能导入 .csv 或 .xlsx 文件：\(name)", "only .csv or .xlsx files load: \(name)", field: "files")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try upload.content.write(to: url)
        return UploadedTable(url: url, directory: dir)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// What a load did, as the page shows it: the faults by row and column (the first 50) or what was written.
    static func report(_ o: FileLoadOutcome, file: String, dryRun: Bool) -> HTML {
        let errors = o.issues.filter { $0.severity == .error }
        if !errors.isEmpty {
            let rows = errors.prefix(50).map { i -> HTML in
                "<tr><td class=\"num\">\(i.row.map(String.init) ?? "—")</td><td>\(i.column)</td><td>\(i.value)</td><td>\(i.message)</td></tr>"
            }.joined()
            return """
                <div class="bad" role="alert" id="upload-report"><p>未导入：\(file) 有 \(errors.count) 个错误，未写入任何数据。</p>
                <div class="scroll"><table><thead><tr><th scope="col">行</th><th scope="col">列</th><th scope="col">值</th><th scope="col">问题</th></tr></thead>
                <tbody>\(rows)</tbody></table></div></div>
                """
        }
        let warnings = o.issues.count
        let done: HTML = dryRun || !o.written ? "检查通过（试运行，未写入）：\(o.rows) 行" as HTML : "已导入 \(file)：\(o.rows) 行" as HTML
        return "<p class=\"notice\" id=\"upload-report\">\(done)\(warnings > 0 ? "，\(warnings) 个提示（如不在建档立卡名单的证件号码）" : "")。</p>"
    }
}
