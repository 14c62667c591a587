import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings a registry CSV may come in.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"

    /// Detects the encoding from the first bytes of a file: a UTF-8 byte-order mark, valid UTF-8,
    /// or bytes that decode as GB18030 (a superset of GBK and GB2312). Refuses binary and UTF-16 files.
    public static func detect(_ head: [UInt8], isWholeFile: Bool) throws -> (TextEncoding, bomLength: Int) {
        if head.isEmpty { throw FileFault.empty }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { throw FileFault.utf16 }
        if head.contains(0) { throw FileFault.binary }
        if isValidUTF8(head, allowTruncatedEnd: !isWholeFile) { return (.utf8, 0) }
        var decoder = GB18030Decoder()
        if (try? decoder.decode(head[...], final: isWholeFile)) != nil { return (.gb18030, 0) }
        throw FileFault.unknownEncoding
    }

    /// Whether the bytes are UTF-8; a sequence cut off at the end of a chunk is allowed.
    static func isValidUTF8(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> Bool {
        var cut = bytes.count
        if allowTruncatedEnd {
            // Back off over an incomplete trailing sequence (at most 3 bytes).
            var i = bytes.count - 1
            var back = 0
            while i >= 0, back < 3, bytes[i] & 0xC0 == 0x80 { i -= 1; back += 1 }
            if i >= 0 {
                let lead = bytes[i]
                let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                if bytes.count - i < need { cut = i }
            }
        }
        return String(validating: bytes[0..<cut], as: UTF8.self) != nil
    }
}

/// Streams GB18030 bytes into UTF-8 through the C library's iconv.
struct GB18030Decoder {
    private var pending: [UInt8] = []

    /// Converts a chunk; bytes of a character cut off at the chunk's end wait for the next one.
    mutating func decode(_ chunk: ArraySlice<UInt8>, final: Bool) throws -> [UInt8] {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { throw FileFault("系统缺少 GB18030 转换模块", "the system lacks the GB18030 converter (glibc gconv)") }
        defer { iconv_close(cd) }
        var input = pending + chunk
        pending = []
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let produced: Int = try input.withUnsafeMutableBufferPointer { inBuf in
            try output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if rc == -1 {
                    let err = errno
                    if err == EINVAL && !final {
                        // Incomplete multibyte sequence at the end: keep it for the next chunk.
                    } else {
                        throw FileFault.unknownEncoding
                    }
                }
                return outBuf.count - outLeft
            }
        }
        if inLeft > 0 { pending = Array(input[(input.count - inLeft)...]) }
        return Array(output[0..<produced])
    }
}
