import Foundation
/// 公民身份号码 — a resident ID number under GB 11643-1999.
///
/// 18 characters: a 6-digit region code (GB/T 2260, the code in force when the number was
/// issued), the birth date YYYYMMDD, a 3-digit sequence whose last digit is odd for men and even
/// for women, and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// Also read: lower-case x; 15-digit numbers of the first generation (upgraded by inserting the
/// century 19 and computing the check character); 20-character disability certificate numbers
/// (残疾人证号: the ID number followed by 2 digits of category and grade).
public struct ResidentID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 18-character number, upper-case X.
    public let number: String
    public let birthDate: LocalDate
    /// The 2 digits a disability certificate number adds, if it was one.
    public let disabilitySuffix: String?
    /// The number was a 15-digit legacy number and was upgraded.
    public let upgradedFromLegacy: Bool

    public var regionCode: String { String(number.prefix(6)) }
    /// Sex from the 17th character: odd is male.
    public var sex: Sex {
        let d = number.utf8[number.utf8.index(number.utf8.startIndex, offsetBy: 16)] - 48
        return d % 2 == 1 ? .male : .female
    }
    /// The number as written in the registry: the ID plus the disability suffix, if any.
    public var registryText: String { number + (disabilitySuffix ?? "") }
    public var description: String { number }

    /// ISO 7064 MOD 11-2 weights for the first 17 digits.
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The check character for 17 digits.
    public static func checkCharacter(for first17: some Sequence<UInt8>) -> Character {
        var sum = 0
        for (i, b) in first17.enumerated() { sum += Int(b - 48) * weights[i] }
        return checkCharacters[sum % 11]
    }

    /// Parses and validates a number. `today` bounds the birth date.
    public static func parse(_ text: String, today: LocalDate) -> Result<ResidentID, ResidentIDError> {
        let raw = text.trimmedCell
        if raw.isEmpty { return .failure(.empty) }
        var bytes = Array(raw.utf8)
        // A spreadsheet number: 4.51224199001011E+17, or digits with a decimal point.
        let hasExponent = bytes.contains(UInt8(ascii: "+")) && (bytes.contains(UInt8(ascii: "E")) || bytes.contains(UInt8(ascii: "e")))
        let numberWithPoint = bytes.contains(UInt8(ascii: ".")) && bytes.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
        if hasExponent || numberWithPoint { return .failure(.scientificNotation) }
        for i in bytes.indices where bytes[i] == UInt8(ascii: "x") { bytes[i] = UInt8(ascii: "X") }
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        var suffix: String? = nil
        var legacy = false
        switch bytes.count {
        case 18: break
        case 20:
            guard bytes[18...].allSatisfy(isDigit) else { return .failure(.invalidCharacters) }
            suffix = String(decoding: bytes[18...], as: UTF8.self)
            bytes.removeLast(2)
        case 15:
            guard bytes.allSatisfy(isDigit) else { return .failure(.invalidCharacters) }
            var upgraded = Array(bytes[0..<6]) + Array("19".utf8) + Array(bytes[6..<15])
            upgraded.append(checkCharacter(for: upgraded).asciiValue!)
            bytes = upgraded
            legacy = true
        default:
            return .failure(.wrongLength(raw.count))
        }
        guard bytes[0..<17].allSatisfy(isDigit), isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            return .failure(.invalidCharacters)
        }
        func number(_ r: Range<Int>) -> Int { bytes[r].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let y = number(6..<10), m = number(10..<12), d = number(12..<14)
        let dateText = String(decoding: bytes[6..<14], as: UTF8.self)
        guard y >= 1880, let birth = LocalDate(year: y, month: m, day: d) else { return .failure(.invalidBirthDate(dateText)) }
        guard birth <= today else { return .failure(.birthDateInFuture(birth)) }
        let expected = checkCharacter(for: bytes[0..<17])
        let found = Character(UnicodeScalar(bytes[17]))
        guard expected == found else { return .failure(.wrongCheckDigit(expected: expected, found: found)) }
        return .success(ResidentID(number: String(decoding: bytes, as: UTF8.self), birthDate: birth,
                                   disabilitySuffix: suffix, upgradedFromLegacy: legacy))
    }

    /// A number read back from the registry, where it was checked on the way in: only the birth date
    /// is taken from it (for scans of millions of members). Nil if it is not 18 characters with a date.
    public static func stored(_ text: String) -> ResidentID? {
        let u = Array(text.utf8)
        guard u.count == 18 || u.count == 20 else { return nil }
        func n(_ r: Range<Int>) -> Int? {
            var v = 0
            for b in u[r] { guard b >= 48 && b <= 57 else { return nil }; v = v * 10 + Int(b - 48) }
            return v
        }
        guard let y = n(6..<10), let m = n(10..<12), let d = n(12..<14), let birth = LocalDate(year: y, month: m, day: d) else { return nil }
        let number = u.count == 18 ? text : String(decoding: u[0..<18], as: UTF8.self)
        return ResidentID(number: number, birthDate: birth, disabilitySuffix: u.count == 20 ? String(decoding: u[18..<20], as: UTF8.self) : nil,
                          upgradedFromLegacy: false)
    }

    /// Builds a valid number from its parts (for generated data).
    public static func make(region: String, birth: LocalDate, sequence: Int) -> ResidentID {
        let seq = String(sequence % 1000)
        let body = region + birth.description.replacingOccurrences(of: "-", with: "") + String(repeating: "0", count: 3 - seq.count) + seq
        let check = checkCharacter(for: body.utf8)
        return ResidentID(number: body + String(check), birthDate: birth, disabilitySuffix: nil, upgradedFromLegacy: false)
    }
}
