/// Text safely placed in HTML: everything a user or a file wrote is escaped.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A query string from pairs, skipping empty values.
    public static func query(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { k, v -> String? in
            guard let v, !v.isEmpty else { return nil }
            let allowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+?#"))
            return k + "=" + (v.addingPercentEncoding(withAllowedCharacters: allowed) ?? v)
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// A number with thousands separators.
    public static func count(_ n: Int) -> String {
        var digits = String(abs(n))
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }
}

import Foundation
