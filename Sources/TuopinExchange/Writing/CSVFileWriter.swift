import Foundation

/// Writes a CSV file: UTF-8 with a byte-order mark (Excel shows the Chinese), CRLF line ends,
/// formula-like cells guarded. Written to a temporary file and moved into place when closed.
public struct CSVFileWriter: RegistryFileWriter {
    private let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer = Data()

    public init(url: URL, header: [String]) throws {
        self.url = url
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data([0xEF, 0xBB, 0xBF])),
              let h = try? FileHandle(forWritingTo: temporary) else {
            throw FileFault("无法写入文件 \(url.path)", "cannot write the file \(url.path)")
        }
        handle = h
        handle.seekToEndOfFile()
        buffer.reserveCapacity(1 << 20)
        try write(row: header)
    }

    public mutating func write(row: [String]) throws {
        buffer.append(contentsOf: CSVFormat.line(row).utf8)
        buffer.append(contentsOf: [13, 10])
        if buffer.count >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public mutating func close() throws {
        try flush()
        try handle.close()
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }
}
