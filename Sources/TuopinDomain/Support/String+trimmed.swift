import Foundation

extension String {
    /// The text without surrounding white space (ASCII, full-width and other Unicode spaces).
    /// Returns the string untouched in the common case: Foundation's trimming, and even Unicode
    /// property lookups, are costly when run on every cell of a large file.
    public var trimmedCell: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard first.isCellSpace || last.isCellSpace else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, spelled out (the property lookup costs a table search per cell):
    /// controls U+0009–U+000D, space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
    /// U+205F and the full-width space U+3000
    /// — what Foundation's `.whitespacesAndNewlines` trims — and the zero-width space U+200B, which Foundation
    /// here trims too (pasted from web pages, it would keep a 户编号 from matching).
    var isCellSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
