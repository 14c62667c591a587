import Foundation
/// Quoting of CSV cells (RFC 4180).
public enum CSVFormat {
    /// A cell quoted when it holds a comma, a quote or a line break.
    public static func cell(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }
}
