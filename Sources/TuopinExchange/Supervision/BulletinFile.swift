import Foundation

/// 督查通报 as a file: the bulletin's rows (header first: 部分, 名称, 本月发现, 本月销号, 月末未销号, 其中逾期, 说明)
/// written as XLSX (one sheet, 督查通报) or CSV, by the file's extension (docs/SUPERVISION.md).
public enum BulletinFile {
    public static func write(_ rows: [[String]], to url: URL) throws {
        guard let header = rows.first else { return }
        var writer: any RegistryFileWriter = switch url.pathExtension.lowercased() {
        case "xlsx": try XLSXFileWriter(url: url, header: header, sheetName: "督查通报")
        case "csv": try CSVFileWriter(url: url, header: header)
        default: throw FileFault.unsupported(url.pathExtension)
        }
        for row in rows.dropFirst() { try writer.write(row: row) }
        try writer.close()
    }
}
