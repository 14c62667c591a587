import Foundation

/// HTML that is safe by construction. The literal parts of `"<td>\(name)</td>"` are ours; every value
/// interpolated into it is escaped, unless it is itself `HTML` (already safe). A view can therefore not
/// place text a user or a file wrote into a page without escaping it: there is no way to turn a `String`
/// variable into `HTML` except by escaping it (`HTML.text`), and `ViewSafetyTests` keeps it that way.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, ready to send.
    public let rendered: String

    public init(stringLiteral literal: StaticString) {
        rendered = literal.description
    }

    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.markup
    }

    fileprivate init(markup: String) {
        rendered = markup
    }

    public var description: String { rendered }

    /// Nothing.
    public static let empty: HTML = ""

    /// Text shown as it is: every character that means something in HTML is escaped.
    public static func text(_ text: String) -> HTML {
        var out = ""
        escape(text, into: &out)
        return HTML(markup: out)
    }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(markup: a.rendered + b.rendered) }
    public static func += (a: inout HTML, b: HTML) { a = a + b }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            markup += literal.description
        }

        /// Markup that is already safe.
        public mutating func appendInterpolation(_ html: HTML) {
            markup += html.rendered
        }

        /// Several pieces of safe markup, one after another.
        public mutating func appendInterpolation(_ list: [HTML]) {
            for html in list { markup += html.rendered }
        }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) {
            HTML.escape(text, into: &markup)
        }

        /// Any other value (numbers, dates, codes) by its description, escaped.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            HTML.escape(value.description, into: &markup)
        }
    }

    static func escape(_ text: String, into out: inout String) {
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
    }

    /// Text escaped for HTML, as a plain string (for tests and for the few callers that build URLs).
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
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
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// A number cell that opens the list it counts; a zero opens nothing.
    public static func countCell(_ n: Int, href: String) -> HTML {
        n == 0 ? "<td class=\"num\">0</td>" : "<td class=\"num\"><a href=\"\(href)\">\(count(n))</a></td>"
    }
}

extension Sequence where Element == HTML {
    /// The pieces one after another, with `separator` between them.
    public func joined(separator: HTML = .empty) -> HTML {
        var out = ""
        var first = true
        for piece in self {
            if !first { out += separator.rendered }
            out += piece.rendered
            first = false
        }
        return HTML(markup: out)
    }
}

extension Optional where Wrapped == HTML {
    /// The markup, or nothing.
    public var orEmpty: HTML { self ?? .empty }
}
