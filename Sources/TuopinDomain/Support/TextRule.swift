import Foundation

/// 文本字符规则 — what no text field may hold: control characters (C0, DEL, C1) and the bidirectional
/// embeddings, overrides and isolates that make a name display as something else (U+202A–U+202E,
/// U+2066–U+2069). A NUL was stored inside a name and shown cut short; U+202E reversed a name on screen
/// (issue #19 item 11). Free text typed on a page (a reason, a note) may hold tabs and line breaks; a cell of
/// an exchange file may hold a tab only.
public enum TextRule {
    public enum Kind: Sendable { case cell, freeText }

    /// The first forbidden character's place (1-based) and code, in Chinese and English; nil when the text is clean.
    public static func fault(_ text: String, _ kind: Kind) -> String? {
        for (i, scalar) in text.unicodeScalars.enumerated() where isForbidden(scalar, kind) {
            let code = String(format: "U+%04X", scalar.value)
            return "第\(i + 1)个字符是不可见的控制字符（\(code)），请删除后重新输入 / character \(i + 1) is an invisible control character (\(code)); remove it"
        }
        return nil
    }

    static func isForbidden(_ s: Unicode.Scalar, _ kind: Kind) -> Bool {
        switch s.value {
        case 0x09: false
        case 0x0A, 0x0D: kind == .cell
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
