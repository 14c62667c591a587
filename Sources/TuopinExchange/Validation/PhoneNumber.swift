/// 联系电话 — a mainland mobile number (11 digits starting 1[3-9]) or a landline
/// (area code 0xx or 0xxx, optionally joined by a hyphen, 7–8 digits, optional extension; or 7–8 digits alone).
enum PhoneNumber {
    static func isValid(_ text: String) -> Bool {
        let digits = { (s: Substring) in !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        let t = Substring(text)
        if t.utf8.count == 11, t.hasPrefix("1"), digits(t) {
            let second = t.utf8[t.utf8.index(after: t.utf8.startIndex)]
            return second >= UInt8(ascii: "3")
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            if digits(t), (7...8).contains(t.count) { return true }
            // Area code written without a hyphen: 0 + 2–3 digits + 7–8 digits.
            return digits(t) && t.hasPrefix("0") && (10...12).contains(t.count)
        case 2, 3:
            let area = parts[0], local = parts[1]
            let areaOK = digits(area) && area.hasPrefix("0") && (3...4).contains(area.count)
            let localOK = digits(local) && (7...8).contains(local.count)
            let extOK = parts.count == 2 || (digits(parts[2]) && parts[2].count <= 6)
            return areaOK && localOK && extOK
        default:
            return false
        }
    }
}
