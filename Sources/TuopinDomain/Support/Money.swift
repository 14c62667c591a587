import Foundation
/// An exact amount of money in fen (1/100 yuan). Never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public init(yuan: Int64) { self.fen = yuan * 100 }
    public static let zero = Money(fen: 0)

    /// Why a text is not an amount.
    public enum ParseError: Refusal, Equatable {
        case notANumber
        case tooManyDecimals
        case negative
        case tooLarge

        public var kind: RefusalKind { .invalid }
        public var chinese: String {
            switch self {
            case .notANumber: "金额不是数字"
            case .tooManyDecimals: "金额最多两位小数"
            case .negative: "金额不能为负数"
            case .tooLarge: "金额过大"
            }
        }
        public var english: String {
            switch self {
            case .notANumber: "the amount is not a number"
            case .tooManyDecimals: "an amount has at most 2 decimals"
            case .negative: "the amount must not be negative"
            case .tooLarge: "the amount is too large"
            }
        }
    }

    /// Reads yuan as written in the exchange format: digits, optional thousands separators
    /// (`,` or `，`), at most two decimals. Negative amounts are refused unless `allowingNegative` (a
    /// per-capita net income is negative when production costs exceed income, after a failed harvest).
    public static func parse(yuan text: String, allowingNegative: Bool = false) -> Result<Money, ParseError> {
        // Byte by byte: this runs on five columns of every row of a large file.
        let bytes = Array(text.trimmedCell.utf8)
        var i = 0
        var whole: Int64 = 0, fraction: Int64 = 0
        var wholeDigits = 0, fractionDigits = 0
        var seenPoint = false, negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") { i += 1 }
        else if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(b - 48)
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits <= 2 { fraction = fraction * 10 + d } else if d != 0 { return .failure(.tooManyDecimals) }
                } else {
                    wholeDigits += 1
                    guard wholeDigits <= 13 else { return .failure(.tooLarge) }
                    whole = whole * 10 + d
                }
            case UInt8(ascii: "."):
                guard !seenPoint else { return .failure(.notANumber) }
                seenPoint = true
            case UInt8(ascii: ","):
                guard !seenPoint else { return .failure(.notANumber) }
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8C:   // ，
                guard !seenPoint else { return .failure(.notANumber) }
                i += 2
            default:
                return .failure(.notANumber)
            }
            i += 1
        }
        guard wholeDigits + fractionDigits > 0 else { return .failure(.notANumber) }
        if negative && !allowingNegative { return .failure(.negative) }
        if fractionDigits == 1 { fraction *= 10 }
        let fen = whole * 100 + fraction
        return .success(Money(fen: negative ? -fen : fen))
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

    /// Grouped yuan without a zero fraction: `2,952`, `2,666.67`.
    public var compactYuan: String { fen % 100 == 0 ? String(groupedYuan.dropLast(3)) : groupedYuan }

    public var description: String { plainYuan }
}
