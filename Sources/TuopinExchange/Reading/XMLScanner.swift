import Foundation
/// A small forward-only XML tokenizer over UTF-8 bytes, enough for the parts of an XLSX file:
/// start and end tags with attributes, text with the predefined and numeric entities, CDATA.
/// Comments, processing instructions and declarations are skipped.
struct XMLScanner {
    enum Token {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The local name (without a namespace prefix).
    private static func local(_ name: String) -> String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }

    mutating func next() -> Token? {
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(XMLScanner.decodeEntities(bytes[start..<i]))
            }
            // Markup.
            if match("<!--") { skip(past: "-->"); continue }
            if match("<![CDATA[") {
                let start = i + 9
                skip(past: "]]>")
                return .text(String(decoding: bytes[start..<max(start, i - 3)], as: UTF8.self))
            }
            if match("<?") || match("<!") { skip(past: ">"); continue }
            if match("</") {
                i += 2
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                let name = String(decoding: bytes[start..<i], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                i += 1
                return .end(name: XMLScanner.local(name))
            }
            i += 1
            let nameStart = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            let name = XMLScanner.local(String(decoding: bytes[nameStart..<i], as: UTF8.self))
            var attributes: [String: String] = [:]
            var selfClosing = false
            while i < bytes.count {
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count else { break }
                if bytes[i] == UInt8(ascii: ">") { i += 1; break }
                if bytes[i] == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
                let aStart = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "="), !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                let aName = XMLScanner.local(String(decoding: bytes[aStart..<i], as: UTF8.self))
                while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'"), bytes[i] != UInt8(ascii: ">") { i += 1 }
                guard i < bytes.count, bytes[i] != UInt8(ascii: ">") else { continue }
                let q = bytes[i]
                i += 1
                let vStart = i
                while i < bytes.count, bytes[i] != q { i += 1 }
                attributes[aName] = XMLScanner.decodeEntities(bytes[vStart..<min(i, bytes.count)])
                i += 1
            }
            return .start(name: name, attributes: attributes, selfClosing: selfClosing)
        }
        return nil
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func match(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        return s.withUTF8Buffer { buf in
            for k in 0..<n where bytes[i + k] != buf[k] { return false }
            return true
        }
    }

    private mutating func skip(past s: StaticString) {
        let n = s.utf8CodeUnitCount
        while i < bytes.count {
            if match(s) { i += n; return }
            i += 1
        }
    }

    static func decodeEntities(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        let s = String(decoding: slice, as: UTF8.self)
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var rest = s[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                var scalar: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()) }
                if let v = scalar, let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) } else { out += rest[amp...semi] }
            }
            rest = rest[rest.index(after: semi)...]
        }
        out += rest
        return out
    }
}
