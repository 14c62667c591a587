import Foundation
import TuopinDomain
import TuopinExchange

/// One file per rule the reader enforces ("Rules the reader enforces", registry-exchange format):
/// the sample household with a single fault, and where the fault must be reported.
public enum FaultCases {
    public typealias C = ExchangeColumn

    public struct Case: CustomStringConvertible, Sendable {
        public let name: String
        public let row: Int           // spreadsheet row of the fault (header is row 1; H0001 is rows 2–4)
        public let column: C
        public let value: String
        public let severity: ImportIssue.Severity
        public var description: String { name }
    }

    public static let all: [Case] = [
        Case(name: "blank 户编号", row: 3, column: .householdNo, value: "", severity: .error),
        Case(name: "户编号 over 32 characters", row: 2, column: .householdNo, value: String(repeating: "9", count: 33), severity: .error),
        Case(name: "village code of 11 digits", row: 2, column: .villageCode, value: "45122410020", severity: .error),
        Case(name: "village code ending 000", row: 2, column: .villageCode, value: "451224100000", severity: .error),
        Case(name: "unknown household type", row: 2, column: .householdType, value: "困难户", severity: .error),
        Case(name: "unknown identification standard", row: 2, column: .identificationStandard, value: "县定标准", severity: .error),
        Case(name: "blank main cause", row: 2, column: .mainCause, value: "", severity: .error),
        Case(name: "unknown main cause", row: 2, column: .mainCause, value: "因懒", severity: .error),
        Case(name: "three other causes", row: 2, column: .otherCauses, value: "缺技术、缺资金、缺水", severity: .error),
        Case(name: "unknown other cause", row: 2, column: .otherCauses, value: "缺技术、因酒", severity: .error),
        Case(name: "identified before 2014", row: 2, column: .identifiedYear, value: "2013", severity: .error),
        Case(name: "identified year not a year", row: 2, column: .identifiedYear, value: "十四年", severity: .error),
        Case(name: "exit before identification", row: 2, column: .exitYear, value: "2014x", severity: .error),
        Case(name: "income without income year", row: 2, column: .incomeYear, value: "", severity: .error),
        Case(name: "negative income", row: 2, column: .wageIncome, value: "-6000", severity: .error),
        Case(name: "three decimals", row: 2, column: .businessIncome, value: "2500.125", severity: .error),
        Case(name: "income not a number", row: 2, column: .propertyIncome, value: "一百", severity: .error),
        Case(name: "stated per-capita income off by more than 1 yuan", row: 2, column: .netIncomePerCapita, value: "2700", severity: .error),
        Case(name: "unknown housing grade", row: 2, column: .housingGrade, value: "E", severity: .error),
        Case(name: "yes/no not yes or no", row: 2, column: .foodSecure, value: "有", severity: .error),
        Case(name: "phone of 10 digits", row: 2, column: .phone, value: "1390778123", severity: .error),
        Case(name: "blank name", row: 3, column: .name, value: "", severity: .error),
        Case(name: "blank ID number", row: 3, column: .idNumber, value: "", severity: .error),
        Case(name: "wrong check digit", row: 3, column: .idNumber, value: "WRONGCHECK", severity: .error),
        Case(name: "impossible birth date", row: 3, column: .idNumber, value: "BADDATE", severity: .error),
        Case(name: "birth date in the future", row: 3, column: .idNumber, value: "FUTURE", severity: .error),
        Case(name: "sex disagrees with ID", row: 3, column: .sex, value: "男", severity: .error),
        Case(name: "unknown relation", row: 4, column: .relation, value: "之侄", severity: .error),
        Case(name: "no head of household", row: 2, column: .relation, value: "配偶", severity: .error),
        Case(name: "two heads of household", row: 3, column: .relation, value: "户主", severity: .error),
        Case(name: "unknown ethnicity", row: 3, column: .ethnicity, value: "火星族", severity: .error),
        Case(name: "unknown education", row: 3, column: .education, value: "博士", severity: .error),
        Case(name: "unknown schooling", row: 4, column: .schooling, value: "十年级", severity: .error),
        Case(name: "unknown health", row: 3, column: .health, value: "小病", severity: .error),
        Case(name: "unknown labour", row: 3, column: .labour, value: "强劳动力", severity: .error),
        Case(name: "unknown work place", row: 2, column: .workPlace, value: "国外务工", severity: .error),
        Case(name: "work months over 12", row: 2, column: .workMonths, value: "13", severity: .error),
        Case(name: "bad education exemption", row: 4, column: .educationExempt, value: "可能", severity: .error),
        Case(name: "bad pension answer", row: 3, column: .pensionInsurance, value: "?", severity: .error),
        Case(name: "rows of one household disagree", row: 3, column: .householdType, value: "低保贫困户", severity: .error),
        Case(name: "ID number appears twice", row: 4, column: .idNumber, value: "DUPLICATE", severity: .error),
        Case(name: "village outside the county loaded", row: 2, column: .villageCode, value: "451225100201", severity: .error),
    ]

    /// The sample file with one cell changed.
    public static func rows(for c: Case) -> [[String]] {
        var rows = Samples.rows([Samples.household()])
        let i = c.row - 1
        var value = c.value
        switch c.value {
        case "WRONGCHECK":
            let id = rows[i][C.idNumber.rawValue]
            value = String(id.dropLast()) + (id.last == "0" ? "1" : "0")
        case "BADDATE": value = ResidentID.make(region: "452728", birth: LocalDate(year: 1977, month: 11, day: 20)!, sequence: 2).number.replacingOccurrences(of: "19771120", with: "19771131")
        case "FUTURE": value = ResidentID.make(region: "451224", birth: LocalDate(year: 2030, month: 1, day: 1)!, sequence: 2).number
        case "DUPLICATE": value = rows[1][C.idNumber.rawValue]   // the head's number again, on the son's row
        case "2014x":
            rows[1][C.identifiedYear.rawValue] = "2016"; rows[2][C.identifiedYear.rawValue] = "2016"; rows[3][C.identifiedYear.rawValue] = "2016"
            value = "2015"
            for r in 1...3 { rows[r][C.exitYear.rawValue] = value }
            return rows
        default: break
        }
        let onlyThisRow = c.column.scope == .member || c.column == .householdNo || c.name == "rows of one household disagree"
        if !onlyThisRow {
            // Household fields repeat: change them on every row of the household.
            for r in 1...3 { rows[r][c.column.rawValue] = value }
        } else {
            rows[i][c.column.rawValue] = value
        }
        return rows
    }

}
