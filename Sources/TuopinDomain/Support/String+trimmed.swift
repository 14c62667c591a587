import Foundation

extension String {
    /// The text without surrounding white space (ASCII, full-width and other Unicode spaces).
    /// Returns the string untouched in the common case: Foundation's trimming, and even Unicode
    /// property lookups, are costly when run on every cell of a large file.
    public var trimmedCell: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        // Lead bytes of every Unicode white space: ASCII controls and space; C2 (U+0085, U+00A0);
        // E1 (U+1680, U+180E); E2 (U+2000–U+205F); E3 (U+3000); EF (U+FEFF).
        func mayBeSpace(_ b: UInt8) -> Bool { b <= 0x20 || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF }
        // Last bytes of every multi-byte white space (U+0085 … U+3000, U+FEFF).
        func mayEndSpace(_ b: UInt8) -> Bool {
            b <= 0x20 || (b >= 0x80 && b <= 0x8A) || b == 0x8E || b == 0x9F || b == 0xA0 || b == 0xA8 || b == 0xA9 || b == 0xAF || b == 0xBF
        }
        guard mayBeSpace(first) || mayEndSpace(last) else { return self }
        guard let s = unicodeScalars.first, let e = unicodeScalars.last,
              s.properties.isWhitespace || e.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
