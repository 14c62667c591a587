import Foundation

/// Reads a file in chunks and hands them on as UTF-8, converting GB18030 on the way.
struct Utf8ChunkReader {
    private let handle: FileHandle
    private let chunkSize: Int
    private var firstChunk: [UInt8]?
    private var decoder: GB18030Decoder?
    private(set) var encoding: TextEncoding
    private var finished = false

    init(url: URL, chunkSize: Int = 1 << 20) throws {
        guard let h = try? FileHandle(forReadingFrom: url) else {
            throw FileFault("无法打开文件 \(url.path)", "cannot open the file \(url.path)")
        }
        handle = h
        self.chunkSize = chunkSize
        let head = [UInt8](h.readData(ofLength: chunkSize))
        let (enc, bom) = try TextEncoding.detect(head, isWholeFile: head.count < chunkSize)
        encoding = enc
        firstChunk = Array(head.dropFirst(bom))
        if enc == .gb18030 { decoder = GB18030Decoder() }
    }

    /// The next chunk of UTF-8 bytes, or nil at the end of the file.
    mutating func next() throws -> [UInt8]? {
        if finished { return nil }
        let raw: [UInt8]
        if let first = firstChunk {
            raw = first
            firstChunk = nil
        } else {
            raw = [UInt8](handle.readData(ofLength: chunkSize))
        }
        let isLast = raw.isEmpty
        if isLast { finished = true }
        if var d = decoder {
            let out = try d.decode(raw[...], final: isLast)
            decoder = d
            return isLast && out.isEmpty ? nil : out
        }
        return isLast ? nil : raw
    }
}
