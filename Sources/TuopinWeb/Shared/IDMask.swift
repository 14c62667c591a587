/// Personal numbers as a viewer without the right to see them whole sees them: an ID number keeps its region
/// and its last four characters (`451224********0118`), a phone its first three and last four digits
/// (`173****8968`). `maskText` finds both in free text (the audit trail's before and after, a change request's
/// fields), so that the history obeys the same masking as the page.
public enum IDMask {
    public static func mask(_ id: String) -> String {
        guard id.count > 10 else { return String(repeating: "*", count: id.count) }
        return String(id.prefix(6)) + String(repeating: "*", count: id.count - 10) + String(id.suffix(4))
    }

    public static func phone(_ phone: String) -> String {
        guard phone.count > 7 else { return String(repeating: "*", count: phone.count) }
        return String(phone.prefix(3)) + String(repeating: "*", count: phone.count - 7) + String(phone.suffix(4))
    }

    /// `text` with every ID number (15 or 18 characters, a disability certificate's 20) and every mobile
    /// phone number (11 digits starting with 1) masked.
    public static func maskText(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            if isIDNumber(run) { out += mask(run) } else if isMobile(run) { out += phone(run) } else { out += run }
            run = ""
        }
        for c in text {
            if c.isASCII && (c.isNumber || c == "X" || c == "x") { run.append(c) } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    static func isIDNumber(_ s: String) -> Bool {
        let digits = s.prefix(17).allSatisfy(\.isNumber)
        switch s.count {
        case 15: return s.allSatisfy(\.isNumber)
        case 18: return digits
        case 20: return digits && s.suffix(2).allSatisfy(\.isNumber)
        default: return false
        }
    }

    static func isMobile(_ s: String) -> Bool {
        s.count == 11 && s.first == "1" && s.allSatisfy(\.isNumber)
    }
}
