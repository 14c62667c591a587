import Foundation

extension String {
    /// The text of `bytes` if they are valid UTF-8, nil if not.
    ///
    /// `String(validating:as:)` looks up generic metadata on every call (a fifth of the CSV reader's
    /// time on a 1M-household file); decoding with repair and comparing the bytes is specialized.
    /// Repair changes the bytes exactly when they are not valid UTF-8.
    static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return same ? text : nil
    }
}
