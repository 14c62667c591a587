import Foundation
import ZIPFoundation

/// Writes a one-sheet XLSX workbook that Excel, WPS, LibreOffice and openpyxl open without repair.
/// Every cell is an inline string in a text-formatted style, so ID numbers and codes stay text;
/// a cell whose text starts with = + - @ also carries `quotePrefix`, so no spreadsheet runs it.
public struct XLSXFileWriter: RegistryFileWriter {
    private let url: URL
    private let sheetName: String
    private let sheetFile: URL
    private let handle: FileHandle
    private var buffer = Data()
    private var rowIndex = 0
    private var columnCount = 0

    public init(url: URL, header: [String], sheetName: String) throws {
        self.url = url
        self.sheetName = sheetName
        sheetFile = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-sheet-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: sheetFile.path, contents: nil),
              let h = try? FileHandle(forWritingTo: sheetFile) else {
            throw FileFault("无法写入临时文件", "cannot write a temporary file")
        }
        handle = h
        columnCount = header.count
        buffer.append(contentsOf: """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
        <sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="\(max(1, header.count))" width="14" customWidth="1"/></cols><sheetData>
        """.utf8)
        try write(row: header, style: 3)
    }

    /// A1-style column letters for a 0-based index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// Text made safe for XML 1.0: escaped, and characters XML cannot hold dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    public mutating func write(row: [String]) throws {
        try write(row: row, style: 1)
    }

    private mutating func write(row: [String], style: Int) throws {
        rowIndex += 1
        var xml = "<row r=\"\(rowIndex)\">"
        for (i, cell) in row.enumerated() where !cell.isEmpty {
            let s = style == 1 && SpreadsheetText.isFormulaLike(cell) ? 2 : style
            let space = cell.first == " " || cell.last == " " ? " xml:space=\"preserve\"" : ""
            xml += "<c r=\"\(XLSXFileWriter.columnName(i))\(rowIndex)\" s=\"\(s)\" t=\"inlineStr\"><is><t\(space)>\(XLSXFileWriter.escape(cell))</t></is></c>"
        }
        xml += "</row>"
        buffer.append(contentsOf: xml.utf8)
        if buffer.count >= 1 << 20 {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    public mutating func close() throws {
        buffer.append(contentsOf: "</sheetData><autoFilter ref=\"A1:\(XLSXFileWriter.columnName(max(0, columnCount - 1)))\(max(1, rowIndex))\"/></worksheet>".utf8)
        try handle.write(contentsOf: buffer)
        buffer.removeAll()
        try handle.close()
        defer { try? FileManager.default.removeItem(at: sheetFile) }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).part")
        let archive = try Archive(url: temporary, accessMode: .create)
        try add(archive, "[Content_Types].xml", XLSXParts.contentTypes)
        try add(archive, "_rels/.rels", XLSXParts.rootRelationships)
        try add(archive, "xl/workbook.xml", XLSXParts.workbook(sheetName: XLSXFileWriter.escape(sheetName), lastColumn: XLSXFileWriter.columnName(max(0, columnCount - 1)), lastRow: max(1, rowIndex)))
        try add(archive, "xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships)
        try add(archive, "xl/styles.xml", XLSXParts.styles)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", fileURL: sheetFile, compressionMethod: .deflate)
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    private func add(_ archive: Archive, _ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
