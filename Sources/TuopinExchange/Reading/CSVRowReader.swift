import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a CSV file (RFC 4180: comma separated, double quotes, CRLF or LF) one row at a time,
/// in UTF-8 or GB18030, without holding the file in memory.
///
/// Lines without quotes (nearly all of a registry file) are split with `memchr`; a line holding a
/// quote goes through the full state machine, which may run over several lines.
public struct CSVRowReader: RowSource {
    private var chunks: Utf8ChunkReader
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var rowNumber = 0
    private var lastWidth = 16
    /// LF, or CR for files saved with old Mac line ends (Excel for Mac 2011).
    private var newline = CSVRowReader.lf

    public var encoding: TextEncoding { chunks.encoding }

    public init(url: URL) throws {
        chunks = try Utf8ChunkReader(url: url)
    }

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Appends the next chunk to what is left unread; false at the end of the file.
    private mutating func readMore() throws -> Bool {
        guard !atEnd else { return false }
        guard let next = try chunks.next() else { atEnd = true; return false }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        buffer.append(contentsOf: next)
        return true
    }

    public mutating func nextRow() throws -> SourceRow? {
        while true {
            if position >= buffer.count, try !readMore() { return nil }
            if rowNumber == 0, !buffer.contains(CSVRowReader.lf), buffer.contains(CSVRowReader.cr) { newline = CSVRowReader.cr }
            // Find the end of the line in what is buffered; read more if there is none yet.
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                guard let p = memchr(b.baseAddress! + position, Int32(newline), b.count - position) else { return nil }
                return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            if found == nil, try readMore() { continue }
            let lineEnd = found ?? buffer.count
            rowNumber += 1
            let hasQuote = buffer.withUnsafeBufferPointer { b in
                memchr(b.baseAddress! + position, Int32(CSVRowReader.quote), lineEnd - position) != nil
            }
            if hasQuote { return try quotedRow() }
            var end = lineEnd
            if end > position, buffer[end - 1] == CSVRowReader.cr { end -= 1 }
            let row = try splitPlain(from: position, to: end)
            position = min(lineEnd + 1, buffer.count)
            return row
        }
    }

    /// Splits a line without quotes at its commas.
    private mutating func splitPlain(from start: Int, to end: Int) throws -> SourceRow {
        var cells: [String] = []
        cells.reserveCapacity(lastWidth)
        let row = rowNumber
        try buffer.withUnsafeBufferPointer { b in
            let base = b.baseAddress!
            var s = start
            while true {
                let remaining = end - s
                let hit = remaining > 0 ? memchr(base + s, Int32(CSVRowReader.comma), remaining) : nil
                let e = hit.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
                guard let text = String.validUTF8(UnsafeBufferPointer(start: base + s, count: e - s)) else {
                    throw FileFault(row: row, "第\(row)行第\(cells.count + 1)列含无法识别的字符（编码错误）", "row \(row), column \(cells.count + 1) holds bytes that are not valid text (encoding error)")
                }
                cells.append(text)
                if hit == nil { break }
                s = e + 1
            }
        }
        lastWidth = cells.count
        return SourceRow(number: row, cells: cells)
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The full state machine, for a record holding quotes (it may run over line breaks).
    private mutating func quotedRow() throws -> SourceRow {
        let quote = CSVRowReader.quote, comma = CSVRowReader.comma, lf = CSVRowReader.lf, cr = CSVRowReader.cr
        var cells: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        let row = rowNumber

        func finishField() throws {
            guard let text = field.withUnsafeBufferPointer(String.validUTF8) else {
                throw FileFault(row: row, "第\(row)行第\(cells.count + 1)列含无法识别的字符（编码错误）", "row \(row), column \(cells.count + 1) holds bytes that are not valid text (encoding error)")
            }
            cells.append(text)
            field.removeAll(keepingCapacity: true)
        }

        while true {
            if position >= buffer.count, try !readMore() {
                if state == .quoted {
                    throw FileFault(row: row, "第\(row)行的引号没有闭合，文件在引号内结束", "row \(row): a quoted field is never closed; the file ends inside quotes")
                }
                try finishField()
                return SourceRow(number: row, cells: cells)
            }
            let b = buffer[position]
            position += 1
            switch state {
            case .fieldStart, .unquoted:
                if b == quote {
                    guard state == .fieldStart else {
                        throw FileFault(row: row, "第\(row)行第\(cells.count + 1)列有多余的引号（引号应包住整个单元格）", "row \(row), column \(cells.count + 1): stray quote (a quote must enclose the whole cell)")
                    }
                    state = .quoted
                } else if b == comma { try finishField(); state = .fieldStart }
                else if b == lf || b == cr {
                    if b == cr { try skipLineFeed() }
                    try finishField()
                    return SourceRow(number: row, cells: cells)
                } else { field.append(b); state = .unquoted }
            case .quoted:
                if b == quote { state = .quoteInQuoted } else { field.append(b) }
            case .quoteInQuoted:
                if b == quote { field.append(quote); state = .quoted }
                else if b == comma { try finishField(); state = .fieldStart }
                else if b == lf || b == cr {
                    if b == cr { try skipLineFeed() }
                    try finishField()
                    return SourceRow(number: row, cells: cells)
                } else {
                    throw FileFault(row: row, "第\(row)行第\(cells.count + 1)列的引号后还有字符", "row \(row), column \(cells.count + 1): text after the closing quote")
                }
            }
        }
    }

    private mutating func skipLineFeed() throws {
        if position >= buffer.count { _ = try readMore() }
        if position < buffer.count, buffer[position] == CSVRowReader.lf { position += 1 }
    }
}
