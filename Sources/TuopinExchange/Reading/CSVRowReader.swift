import Foundation

/// Reads a CSV file (RFC 4180: comma separated, double quotes, CRLF or LF) one row at a time,
/// in UTF-8 or GB18030, without holding the file in memory.
public struct CSVRowReader: RowSource {
    private var chunks: Utf8ChunkReader
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var rowNumber = 0

    public var encoding: TextEncoding { chunks.encoding }

    public init(url: URL) throws {
        chunks = try Utf8ChunkReader(url: url)
    }

    private mutating func refill() throws -> Bool {
        guard !atEnd else { return false }
        if let next = try chunks.next() {
            buffer = next
            position = 0
            return true
        }
        atEnd = true
        return false
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    public mutating func nextRow() throws -> SourceRow? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var cells: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var sawAnything = false
        rowNumber += 1
        let row = rowNumber

        func finishField() throws {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw FileFault(row: row, "第\(row)行第\(cells.count + 1)列含无法识别的字符（编码错误） / row \(row), column \(cells.count + 1) holds bytes that are not valid text (encoding error)")
            }
            cells.append(text)
            field.removeAll(keepingCapacity: true)
        }

        while true {
            if position >= buffer.count {
                if try !refill() {
                    if state == .quoted {
                        throw FileFault(row: row, "第\(row)行的引号没有闭合，文件在引号内结束 / row \(row): a quoted field is never closed; the file ends inside quotes")
                    }
                    if !sawAnything { rowNumber -= 1; return nil }
                    try finishField()
                    return SourceRow(number: row, cells: cells)
                }
                continue
            }
            let b = buffer[position]
            position += 1
            sawAnything = true
            switch state {
            case .fieldStart:
                if b == quote { state = .quoted }
                else if b == comma { try finishField() }
                else if b == lf || b == cr {
                    if b == cr { try skipLineFeed() }
                    try finishField()
                    return SourceRow(number: row, cells: cells)
                } else { field.append(b); state = .unquoted }
            case .unquoted:
                if b == comma { try finishField(); state = .fieldStart }
                else if b == lf || b == cr {
                    if b == cr { try skipLineFeed() }
                    try finishField()
                    return SourceRow(number: row, cells: cells)
                } else if b == quote {
                    throw FileFault(row: row, "第\(row)行第\(cells.count + 1)列有多余的引号（引号应包住整个单元格） / row \(row), column \(cells.count + 1): stray quote (a quote must enclose the whole cell)")
                } else { field.append(b) }
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
                    throw FileFault(row: row, "第\(row)行第\(cells.count + 1)列的引号后还有字符 / row \(row), column \(cells.count + 1): text after the closing quote")
                }
            }
        }
    }

    private mutating func skipLineFeed() throws {
        if position >= buffer.count { _ = try refill() }
        if position < buffer.count, buffer[position] == UInt8(ascii: "\n") { position += 1 }
    }
}
