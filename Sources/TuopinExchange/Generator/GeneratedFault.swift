/// The faults `--with-errors` puts into rows, one per faulty row, each a rule the reader enforces.
public enum GeneratedFault: String, CaseIterable, Sendable {
    case wrongCheckDigit = "证件号码校验位错误"
    case missingName = "姓名为空"
    case unknownHouseholdType = "贫困户属性不在取值范围"
    case sexMismatch = "性别与证件号码不符"
    case negativeIncome = "收入为负数"
    case badVillageCode = "村代码不是12位"
    case badYesNo = "是/否项取值无效"
    case workMonthsOutOfRange = "务工时间超出0–12"

    /// Breaks one row (cells in exchange-column order).
    func apply(to row: inout [String]) {
        func set(_ c: ExchangeColumn, _ v: String) { row[c.rawValue] = v }
        switch self {
        case .wrongCheckDigit:
            var id = Array(row[ExchangeColumn.idNumber.rawValue])
            let last = id[17]
            id[17] = last == "0" ? "1" : (last == "X" ? "0" : Character(String((Int(String(last))! + 1) % 10)))
            set(.idNumber, String(id))
        case .missingName: set(.name, "")
        case .unknownHouseholdType: set(.householdType, "困难户")
        case .sexMismatch: set(.sex, row[ExchangeColumn.sex.rawValue] == "男" ? "女" : "男")
        case .negativeIncome: set(.wageIncome, "-1200")
        case .badVillageCode: set(.villageCode, String(row[ExchangeColumn.villageCode.rawValue].prefix(10)))
        case .badYesNo: set(.medicalInsurance, "有")
        case .workMonthsOutOfRange: set(.workMonths, "13")
        }
    }
}
