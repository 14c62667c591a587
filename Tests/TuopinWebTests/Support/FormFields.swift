import Foundation

/// The fields a browser would send for the first form of a page (inputs with their values, checked boxes,
/// each select's selected option) — enough to post a page's own form as it stands.
enum FormFields {
    static func of(_ html: String, action: String) -> [(String, String)] {
        guard let start = html.range(of: "action=\"\(action)\"") else { return [] }
        let form = String(html[start.upperBound...].prefix { _ in true }).components(separatedBy: "</form>")[0]
        var fields: [(String, String)] = []
        var rest = Substring(form)
        while let open = rest.range(of: "<") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("input "), let name = attribute("name", tag) {
                let type = attribute("type", tag) ?? "text"
                if type == "checkbox" { if tag.contains(" checked") { fields.append((name, "on")) }; continue }
                fields.append((name, unescape(attribute("value", tag) ?? "")))
            } else if tag.hasPrefix("select "), let name = attribute("name", tag) {
                let body = String(rest.prefix { _ in true }).components(separatedBy: "</select>")[0]
                let options = body.components(separatedBy: "<option").dropFirst()
                let chosen = options.first { $0.contains(" selected") } ?? options.first
                let value = chosen.flatMap { o -> String? in
                    if let v = attribute("value", String(o.prefix { $0 != ">" })) { return v }
                    return o.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) }
                } ?? ""
                fields.append((name, unescape(value)))
            } else if tag.hasPrefix("textarea "), let name = attribute("name", tag) {
                fields.append((name, unescape(String(rest.prefix { $0 != "<" }))))
            }
        }
        return fields
    }

    static func attribute(_ name: String, _ tag: String) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[r.upperBound...].prefix { $0 != "\"" })
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
