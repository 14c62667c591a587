import Foundation
/// 统计用区划代码 — the 12-digit statistical division code of an area.
///
/// Provinces, prefectures and counties carry GB/T 2260 6-digit codes, townships 9 digits;
/// both extend to 12 digits with zeros. A village is its township's 9 digits plus 3.
public struct AreaCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// Accepts 6, 9 or 12 digits (a 6- or 9-digit code is padded with zeros).
    public init?(_ text: String) {
        let t = text.trimmedCell
        guard [6, 9, 12].contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        value = t + String(repeating: "0", count: 12 - t.utf8.count)
        guard value.prefix(2) != "00" else { return nil }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = AreaCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an area code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    private func digits(_ range: Range<Int>) -> Substring {
        let u = value.utf8
        let start = u.index(u.startIndex, offsetBy: range.lowerBound)
        let end = u.index(u.startIndex, offsetBy: range.upperBound)
        return Substring(value[start..<end])
    }

    /// The level the code's trailing zeros imply.
    public var level: AreaLevel {
        if digits(9..<12) != "000" { return .village }
        if digits(6..<9) != "000" { return .township }
        if digits(4..<6) != "00" { return .county }
        if digits(2..<4) != "00" { return .prefecture }
        return .province
    }

    /// The significant prefix: 2 digits for a province, 4, 6, 9, 12 below.
    public var prefix: String {
        let level = self.level
        return level == .village ? value : String(digits(0..<level.prefixLength))
    }

    /// The province's two digits (45 = 广西).
    public var provincePart: String { String(digits(0..<2)) }

    /// The GB/T 2260 county code (first 6 digits).
    public var countyPart: String { String(digits(0..<6)) }

    /// The code of the area at `level` that contains this one (itself when at that level).
    public func ancestor(at level: AreaLevel) -> AreaCode? {
        guard level <= self.level else { return nil }
        let keep = level.prefixLength
        return AreaCode(String(digits(0..<keep)) + String(repeating: "0", count: 12 - keep))
    }

    /// The area whose significant prefix this is ("45" → 450000000000), as GROUP BY substr(…) gives it.
    public static func padded(_ prefix: String) -> AreaCode? {
        guard prefix.utf8.count <= 12 else { return nil }
        return AreaCode(prefix + String(repeating: "0", count: 12 - prefix.utf8.count))
    }

    /// The code one level up, or nil for a province.
    public var parent: AreaCode? {
        guard let up = AreaLevel(rawValue: level.rawValue - 1) else { return nil }
        return ancestor(at: up)
    }

    /// Whether `other` lies under (or is) this area.
    public func contains(_ other: AreaCode) -> Bool {
        other.value.hasPrefix(prefix) && other.level >= level
    }

    public var description: String { value }
    public static func < (lhs: AreaCode, rhs: AreaCode) -> Bool { lhs.value < rhs.value }
}
