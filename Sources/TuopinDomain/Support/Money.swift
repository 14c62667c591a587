import Foundation
/// An exact amount of money in fen (1/100 yuan). Never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public init(yuan: Int64) { self.fen = yuan * 100 }
    public static let zero = Money(fen: 0)

    /// Why a text is not an amount.
    public enum ParseError: Error, Equatable, Sendable {
        case notANumber
        case tooManyDecimals
        case negative
        case tooLarge
    }

    /// Reads yuan as written in the exchange format: digits, optional thousands separators
    /// (`,` or `，`), at most two decimals. Negative amounts are refused.
    public static func parse(yuan text: String) -> Result<Money, ParseError> {
        var s = text.trimmedCell
        s.removeAll { $0 == "," || $0 == "，" }
        if s.hasPrefix("-") { return Double(s) == nil ? .failure(.notANumber) : .failure(.negative) }
        if s.hasPrefix("+") { s.removeFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let intPart = parts.first, !(intPart.isEmpty && (parts.count == 1 || parts[1].isEmpty)),
              intPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notANumber) }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notANumber) }
        if fraction.count > 2 {
            // Trailing zeros beyond the second decimal carry no value (Excel writes 1200.000).
            let extra = fraction.dropFirst(2)
            guard extra.allSatisfy({ $0 == "0" }) else { return .failure(.tooManyDecimals) }
            fraction = String(fraction.prefix(2))
        }
        guard intPart.count <= 13 else { return .failure(.tooLarge) }
        let whole = Int64(intPart.isEmpty ? "0" : String(intPart)) ?? 0
        let cents = Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        return .success(Money(fen: whole * 100 + cents))
    }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    /// Divides and rounds half away from zero to the fen.
    public func divided(by count: Int) -> Money {
        precondition(count > 0)
        let n = Int64(count)
        let q = fen / n, r = fen % n
        if abs(r) * 2 >= n { return Money(fen: q + (fen >= 0 ? 1 : -1)) }
        return Money(fen: q)
    }

    /// Plain yuan for files: `2666.67`, `3000` (no separators, no trailing `.00`).
    public var plainYuan: String {
        let sign = fen < 0 ? "-" : ""
        let a = abs(fen)
        let cents = a % 100
        if cents == 0 { return "\(sign)\(a / 100)" }
        return "\(sign)\(a / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    /// Yuan for people: `2,666.67`.
    public var groupedYuan: String {
        let sign = fen < 0 ? "-" : ""
        let a = abs(fen)
        var digits = String(a / 100)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let cents = a % 100
        return "\(sign)\(digits)\(grouped)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    public var description: String { plainYuan }
}
