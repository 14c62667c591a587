/// A JSON object of string values only — what the stores write for a record's extra fields (`AuditTrail.json`) —
/// read without `JSONDecoder`, which costs more than the rest of a department record's decoding. Nil for anything
/// else (a nested value, a number, bad escapes), so that a caller can fall back to the full decoder.
enum FlatJSON {
    static func object(_ text: String) -> [String: String]? {
        var bytes = Array(text.utf8)[...]
        func skipSpace() { while let b = bytes.first, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { bytes.removeFirst() } }
        func string() -> String? {
            guard bytes.first == UInt8(ascii: "\"") else { return nil }
            bytes.removeFirst()
            var out: [UInt8] = []
            while let b = bytes.popFirst() {
                switch b {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let e = bytes.popFirst() else { return nil }
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard bytes.popFirst() == UInt8(ascii: "\\"), bytes.popFirst() == UInt8(ascii: "u"), let low = hex4(),
                                  (0xDC00..<0xE000).contains(low) else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { return nil }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default: return nil
                    }
                default: out.append(b)
                }
            }
            return nil
        }
        func hex4() -> UInt32? {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard let b = bytes.popFirst() else { return nil }
                switch b {
                case 0x30...0x39: v = v << 4 | UInt32(b - 0x30)
                case 0x41...0x46: v = v << 4 | UInt32(b - 0x41 + 10)
                case 0x61...0x66: v = v << 4 | UInt32(b - 0x61 + 10)
                default: return nil
                }
            }
            return v
        }
        skipSpace()
        guard bytes.popFirst() == UInt8(ascii: "{") else { return nil }
        var result: [String: String] = [:]
        skipSpace()
        if bytes.first == UInt8(ascii: "}") { bytes.removeFirst(); skipSpace(); return bytes.isEmpty ? result : nil }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard bytes.popFirst() == UInt8(ascii: ":") else { return nil }
            skipSpace()
            guard let value = string() else { return nil }
            result[key] = value
            skipSpace()
            switch bytes.popFirst() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): skipSpace(); return bytes.isEmpty ? result : nil
            default: return nil
            }
        }
    }
}
