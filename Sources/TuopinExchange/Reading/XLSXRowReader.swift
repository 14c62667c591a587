import Foundation
import ZIPFoundation

/// Reads the rows of one sheet of an XLSX workbook (Office Open XML, as Excel, WPS and
/// LibreOffice write it): shared and inline strings, numbers, booleans.
public struct XLSXRowReader: RowSource {
    private var scanner: XMLScanner
    private let sharedStrings: [String]
    private var nextImplicitRow = 1
    public let sheetName: String

    /// Opens the named sheet, or the first sheet of the workbook.
    public init(url: URL, sheet: String? = nil) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXRowReader.corrupt
        }
        func read(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            var data = [UInt8]()
            data.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(contentsOf: chunk) }
            } catch {
                throw XLSXRowReader.corrupt
            }
            return data
        }
        guard let workbook = try read("xl/workbook.xml") else { throw XLSXRowReader.corrupt }
        let sheets = XLSXRowReader.sheets(in: workbook)
        guard !sheets.isEmpty else { throw XLSXRowReader.corrupt }
        let chosen: (name: String, relationID: String)
        if let wanted = sheet {
            guard let match = sheets.first(where: { $0.name == wanted }) else {
                throw FileFault("工作簿中没有名为“\(wanted)”的工作表", "the workbook has no sheet named '\(wanted)'")
            }
            chosen = match
        } else {
            chosen = sheets[0]
        }
        sheetName = chosen.name
        let targets = try read("xl/_rels/workbook.xml.rels").map(XLSXRowReader.relationships) ?? [:]
        var target = targets[chosen.relationID] ?? "worksheets/sheet1.xml"
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        guard let sheetBytes = try read(target) else { throw XLSXRowReader.corrupt }
        sharedStrings = try read("xl/sharedStrings.xml").map(XLSXRowReader.strings) ?? []
        scanner = XMLScanner(sheetBytes)
    }

    static let corrupt = FileFault("XLSX 文件已损坏或不完整（无法解压）", "the XLSX file is damaged or incomplete (it cannot be unzipped)")

    private static func sheets(in workbook: [UInt8]) -> [(name: String, relationID: String)] {
        var scanner = XMLScanner(workbook)
        var result: [(String, String)] = []
        while let token = scanner.next() {
            if case .start("sheet", let attributes, _) = token, let name = attributes["name"], let id = attributes["id"] {
                result.append((name, id))
            }
        }
        return result
    }

    private static func relationships(_ bytes: [UInt8]) -> [String: String] {
        var scanner = XMLScanner(bytes)
        var map: [String: String] = [:]
        while let token = scanner.next() {
            if case .start("Relationship", let a, _) = token, let id = a["Id"], let target = a["Target"] { map[id] = target }
        }
        return map
    }

    /// Shared strings: the text of each `si`, rich-text runs joined, phonetic runs left out.
    private static func strings(_ bytes: [UInt8]) -> [String] {
        var scanner = XMLScanner(bytes)
        var result: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        while let token = scanner.next() {
            switch token {
            case .start("si", _, _): current = ""
            case .end("si"): result.append(current)
            case .start("rPh", _, let closed): inPhonetic = !closed
            case .end("rPh"): inPhonetic = false
            case .start("t", _, let closed): inText = !closed
            case .end("t"): inText = false
            case .text(let t) where inText && !inPhonetic: current += t
            default: break
            }
        }
        return result
    }

    /// Column index (0-based) of a cell reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var any = false
        for u in reference.utf8 {
            guard u >= 65, u <= 90 else { break }
            index = index * 26 + Int(u - 64)
            any = true
        }
        return any ? index - 1 : nil
    }

    static func rowIndex(_ reference: String) -> Int? {
        Int(String(reference.drop(while: { $0.isLetter })))
    }

    /// A number as its shortest decimal text (Excel may write 2666.6700000000001).
    static func numberText(_ raw: String) -> String {
        guard let d = Double(raw) else { return raw }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return d.description
    }

    public mutating func nextRow() throws -> SourceRow? {
        var cells: [String] = []
        var numeric: Set<Int> = []
        var rowNumber: Int?
        var inRow = false
        var column = 0, type = "n", value = "", inValue = false, inInline = false
        while let token = scanner.next() {
            switch token {
            case .start("row", let a, let closed):
                rowNumber = a["r"].flatMap(Int.init) ?? nextImplicitRow
                nextImplicitRow = rowNumber! + 1
                if closed { return SourceRow(number: rowNumber!, cells: []) }
                inRow = true
                column = 0
            case .end("row") where inRow:
                return SourceRow(number: rowNumber ?? nextImplicitRow, cells: cells, numericCells: numeric)
            case .start("c", let a, let closed):
                if let r = a["r"], let c = XLSXRowReader.columnIndex(r) { column = c }
                type = a["t"] ?? "n"
                value = ""
                if closed { column += 1 }
            case .end("c"):
                var text: String
                switch type {
                case "s": text = Int(value).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
                case "b": text = value == "1" ? "是" : "否"
                case "n":
                    text = value.isEmpty ? "" : XLSXRowReader.numberText(value)
                    if !value.isEmpty { numeric.insert(column) }
                case "e": text = ""
                default: text = value
                }
                if cells.count < column { cells.append(contentsOf: repeatElement("", count: column - cells.count)) }
                if cells.count == column { cells.append(text) } else { cells[column] = text }
                text = ""
                column += 1
            case .start("v", _, let closed): inValue = !closed
            case .end("v"): inValue = false
            case .start("is", _, _): inInline = true
            case .end("is"): inInline = false
            case .start("t", _, let closed) where inInline: inValue = !closed
            case .end("t") where inInline: inValue = false
            case .text(let t) where inValue: value += t
            default: break
            }
        }
        return nil
    }
}
