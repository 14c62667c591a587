import Foundation

/// Where a sign-in may send the browser afterwards: a path of this server and nothing else. Only printable
/// ASCII without spaces or backslashes (no CR/LF to inject headers, no tab that browsers drop to make
/// `/\t/evil.example` a host), one leading slash, and no scheme or host when parsed as a URL.
enum LocalPath {
    static let fallback = "/areas"

    static func parse(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), text.count <= 2_000 else { return nil }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) else { return nil }
        guard let url = URLComponents(string: text), url.scheme == nil, url.host == nil, url.path.hasPrefix("/"),
              !url.path.hasPrefix("//") else { return nil }
        return text
    }

    /// The path, or the first page when it is not one of ours.
    static func or(_ text: String?) -> String { parse(text) ?? fallback }
}
