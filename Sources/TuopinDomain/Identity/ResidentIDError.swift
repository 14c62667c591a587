/// Why a text is not a valid resident ID number (GB 11643-1999).
public enum ResidentIDError: Refusal, Equatable {
    case empty
    /// A number written in scientific notation (a spreadsheet stored the ID as a number and lost digits).
    case scientificNotation
    case wrongLength(Int)
    case invalidCharacters
    case invalidBirthDate(String)
    case birthDateInFuture(LocalDate)
    case wrongCheckDigit(expected: Character, found: Character)

    public var kind: RefusalKind { .invalid }
    public var field: String? { "证件号码" }

    public var chinese: String {
        switch self {
        case .empty: "证件号码为空"
        case .scientificNotation: "证件号码被存成了数字，位数已丢失，请把该列设为文本后重新导出"
        case .wrongLength(let n): "证件号码应为18位（或15位旧号、20位残疾人证号），实为\(n)位"
        case .invalidCharacters: "证件号码只能含数字，末位可为X"
        case .invalidBirthDate(let d): "证件号码中的出生日期\(d)不存在"
        case .birthDateInFuture(let d): "证件号码中的出生日期\(d)晚于今天"
        case .wrongCheckDigit(let e, let f): "证件号码校验位应为\(e)，实为\(f)"
        }
    }

    public var english: String {
        switch self {
        case .empty: "ID number is empty"
        case .scientificNotation: "ID number was stored as a number and lost digits; format the column as text and export again"
        case .wrongLength(let n): "ID number must have 18 characters (15 for an old number, 20 for a disability certificate), found \(n)"
        case .invalidCharacters: "ID number may hold only digits, with X allowed last"
        case .invalidBirthDate(let d): "the birth date \(d) in the ID number does not exist"
        case .birthDateInFuture(let d): "the birth date \(d) in the ID number is in the future"
        case .wrongCheckDigit(let e, let f): "ID check digit should be \(e), found \(f)"
        }
    }
}
