import Foundation
/// A column of the registry exchange format (建档立卡数据交换格式), named by its Chinese
/// name or its English key. Household columns repeat on each member row.
public enum ExchangeColumn: Int, CaseIterable, Sendable {
    case householdNo, villageCode, householdType, identificationStandard, mainCause, otherCauses
    case identifiedYear, exitYear, incomeYear, wageIncome, businessIncome, propertyIncome, transferIncome
    case businessExpense, netIncomePerCapita, housingGrade, housingResolved, foodSecure, clothingSecure
    case waterSafe, phone
    case name, idNumber, sex, relation, ethnicity, education, schooling, educationExempt, health
    case labour, workPlace, workMonths, medicalInsurance, pensionInsurance
    /// Household columns added after the first version of the format; written last so the older
    /// columns keep their positions.
    case powerSupplied, broadcastReception

    public enum Scope: Sendable { case household, member }

    /// The Chinese column name, as the header writes it.
    public var chineseName: String {
        switch self {
        case .householdNo: "户编号"
        case .villageCode: "村代码"
        case .householdType: "贫困户属性"
        case .identificationStandard: "识别标准"
        case .mainCause: "主要致贫原因"
        case .otherCauses: "其他致贫原因"
        case .identifiedYear: "识别年度"
        case .exitYear: "脱贫年度"
        case .incomeYear: "收入年度"
        case .wageIncome: "工资性收入"
        case .businessIncome: "生产经营性收入"
        case .propertyIncome: "财产性收入"
        case .transferIncome: "转移性收入"
        case .businessExpense: "生产经营性支出"
        case .netIncomePerCapita: "人均纯收入"
        case .housingGrade: "住房安全等级"
        case .housingResolved: "危房已改造或已搬迁"
        case .foodSecure: "不愁吃"
        case .clothingSecure: "不愁穿"
        case .waterSafe: "饮水安全"
        case .phone: "联系电话"
        case .name: "姓名"
        case .idNumber: "证件号码"
        case .sex: "性别"
        case .relation: "与户主关系"
        case .ethnicity: "民族"
        case .education: "文化程度"
        case .schooling: "在校生状况"
        case .educationExempt: "义务教育豁免"
        case .health: "健康状况"
        case .labour: "劳动技能"
        case .workPlace: "务工状况"
        case .workMonths: "务工时间"
        case .medicalInsurance: "基本医疗保险"
        case .pensionInsurance: "基本养老保险"
        case .powerSupplied: "通生活用电"
        case .broadcastReception: "通广播电视"
        }
    }

    /// The English key.
    public var key: String {
        switch self {
        case .householdNo: "household_no"
        case .villageCode: "village_code"
        case .householdType: "household_type"
        case .identificationStandard: "identification_standard"
        case .mainCause: "main_cause"
        case .otherCauses: "other_causes"
        case .identifiedYear: "identified_year"
        case .exitYear: "exit_year"
        case .incomeYear: "income_year"
        case .wageIncome: "wage_income"
        case .businessIncome: "business_income"
        case .propertyIncome: "property_income"
        case .transferIncome: "transfer_income"
        case .businessExpense: "business_expense"
        case .netIncomePerCapita: "net_income_per_capita"
        case .housingGrade: "housing_grade"
        case .housingResolved: "housing_resolved"
        case .foodSecure: "food_secure"
        case .clothingSecure: "clothing_secure"
        case .waterSafe: "water_safe"
        case .phone: "phone"
        case .name: "name"
        case .idNumber: "id_number"
        case .sex: "sex"
        case .relation: "relation"
        case .ethnicity: "ethnicity"
        case .education: "education"
        case .schooling: "schooling"
        case .educationExempt: "education_exempt"
        case .health: "health"
        case .labour: "labour"
        case .workPlace: "work_place"
        case .workMonths: "work_months"
        case .medicalInsurance: "medical_insurance"
        case .pensionInsurance: "pension_insurance"
        case .powerSupplied: "power_supplied"
        case .broadcastReception: "broadcast_reception"
        }
    }

    public var scope: Scope {
        switch self {
        case .powerSupplied, .broadcastReception: .household
        default: rawValue <= ExchangeColumn.phone.rawValue ? .household : .member
        }
    }

    /// Columns a file must have.
    public var isRequired: Bool {
        switch self {
        case .householdNo, .villageCode, .householdType, .mainCause, .identifiedYear, .name, .idNumber, .relation: true
        default: false
        }
    }

    /// The income columns that make 收入年度 necessary.
    public static let incomeComponents: [ExchangeColumn] = [.wageIncome, .businessIncome, .propertyIncome, .transferIncome, .businessExpense]

    /// Finds a column by a header cell: Chinese name or English key, white space and case ignored.
    public static func named(_ header: String) -> ExchangeColumn? {
        let h = header.trimmingCharacters(in: .whitespacesAndNewlines)
        return byName[h] ?? byName[h.lowercased()]
    }

    private static let byName: [String: ExchangeColumn] = {
        var map: [String: ExchangeColumn] = [:]
        for c in allCases {
            map[c.chineseName] = c
            map[c.key] = c
        }
        return map
    }()
}
