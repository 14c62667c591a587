import Foundation
/// 是/否 answers as the exchange format writes them: 是/否, 1/0, Y/N, true/false.
public enum YesNo {
    /// Reads a yes/no answer; nil when the text is not one.
    public static func parse(_ text: String) -> Bool? {
        switch text.trimmedCell.lowercased() {
        case "是", "1", "y", "yes", "true", "t": return true
        case "否", "0", "n", "no", "false", "f": return false
        default: return nil
        }
    }

    /// The official spelling of an answer.
    public static func label(_ value: Bool) -> String { value ? "是" : "否" }
}
