/// Protection against formula injection: a cell whose text starts with = + - @ (or a tab or
/// carriage return) would be run as a formula by a spreadsheet that opens a CSV. Writers prefix
/// such text with an apostrophe; readers take the apostrophe off again, so a round trip is exact.
public enum SpreadsheetText {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a spreadsheet could read the text as a formula. A plain signed number (`-666.67`, `+3`) is
    /// a number to every spreadsheet, not a formula, and is written as it is.
    public static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.first, triggers.contains(first) else { return false }
        return !isSignedNumber(text)
    }

    /// `-` or `+`, then digits with at most one decimal point (and nothing else).
    static func isSignedNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 1, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") else { return false }
        var digits = 0, points = 0
        for b in bytes.dropFirst() {
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { digits += 1 } else if b == UInt8(ascii: ".") { points += 1 } else { return false }
        }
        return digits > 0 && points <= 1
    }

    /// The text as a CSV cell should carry it.
    public static func guarded(_ text: String) -> String {
        isFormulaLike(text) ? "'" + text : text
    }

    /// The text a guarded cell stood for (files written before signed numbers went unguarded carry `'-3`;
    /// it reads as `-3` too).
    public static func unguarded(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "'") else { return text }
        let rest = text.dropFirst()
        return rest.first.map(triggers.contains) == true ? String(rest) : text
    }
}
