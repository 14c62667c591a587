import Foundation

/// The one CSV writer of the project (RFC 4180 quoting): every file and report Tuopin writes as CSV goes
/// through it, and every cell is guarded against formula injection on the way (`SpreadsheetText.guarded`:
/// `=1+2` is written `'=1+2`; a plain signed number such as `-666.67` stays a number). Issue #19 item 10: the
/// command line's reports wrote such cells raw.
public enum CSVFormat {
    /// A guarded cell, quoted when it holds a comma, a quote or a line break.
    public static func cell(_ text: String) -> String {
        let guarded = SpreadsheetText.guarded(text)
        let needsQuotes = guarded.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return guarded }
        return "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of guarded cells (without its line end).
    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// Lines ending in CRLF; with `byteOrderMark`, a UTF-8 BOM first (Excel then shows the Chinese).
    public static func table(_ rows: [[String]], byteOrderMark: Bool) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + rows.map { line($0) + "\r\n" }.joined()
    }
}
