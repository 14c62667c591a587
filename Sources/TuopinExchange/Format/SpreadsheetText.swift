/// Protection against formula injection: a cell whose text starts with = + - @ (or a tab or
/// carriage return) would be run as a formula by a spreadsheet that opens a CSV. Writers prefix
/// such text with an apostrophe; readers take the apostrophe off again, so a round trip is exact.
public enum SpreadsheetText {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a spreadsheet could read the text as a formula.
    public static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return triggers.contains(first)
    }

    /// The text as a CSV cell should carry it.
    public static func guarded(_ text: String) -> String {
        isFormulaLike(text) ? "'" + text : text
    }

    /// The text a guarded cell stood for.
    public static func unguarded(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "'") else { return text }
        let rest = text.dropFirst()
        return isFormulaLike(String(rest)) ? String(rest) : text
    }
}
