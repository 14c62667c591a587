import Foundation

/// A plain table (header first) written as XLSX or CSV by the file's extension: the bulletin, the suspect list.
public enum TableFile {
    public static func write(_ rows: [[String]], to url: URL, sheet: String) throws {
        guard let header = rows.first else { return }
        var writer: any RegistryFileWriter = switch url.pathExtension.lowercased() {
        case "xlsx": try XLSXFileWriter(url: url, header: header, sheetName: sheet)
        case "csv": try CSVFileWriter(url: url, header: header)
        default: throw FileFault.unsupported(url.pathExtension)
        }
        for row in rows.dropFirst() { try writer.write(row: row) }
        try writer.close()
    }

    /// The table as XLSX bytes.
    public static func xlsx(_ rows: [[String]], sheet: String) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(rows, to: url, sheet: sheet)
        return try Data(contentsOf: url)
    }
}
