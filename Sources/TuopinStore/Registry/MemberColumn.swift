import TuopinDomain

/// The columns of `members`, listed once (see `HouseholdColumn`).
enum MemberColumn: String, CaseIterable, Sendable {
    case id
    case householdID = "household_id"
    case position
    case idNumber = "id_number"
    case disabilitySuffix = "disability_suffix"
    case name
    case sex
    case birthDate = "birth_date"
    case relation
    case ethnicity
    case education
    case schooling
    case educationExempt = "education_exempt"
    case health
    case labour
    case workPlace = "work_place"
    case workMonths = "work_months"
    case medicalInsurance = "medical_insurance"
    case pensionInsurance = "pension_insurance"
    case importID = "import_id"

    /// What a write gives: every column but the database's own ID, in this order (the household's ID first).
    static let written: [MemberColumn] = allCases.filter { $0 != .id }

    /// One person, one household: a member is found by the ID number.
    static let key: [MemberColumn] = [.idNumber]

    func value(_ m: Member, householdID: Int64, position: Int, importID: Int64?) -> BulkValue {
        switch self {
        case .id: .null
        case .householdID: .int(householdID)
        case .position: .int(Int64(position))
        case .idNumber: .text(m.id.number)
        case .disabilitySuffix: .text(m.id.disabilitySuffix)
        case .name: .text(m.name)
        case .sex: .text(m.sex.rawValue)
        case .birthDate: .text(m.birthDate.description)
        case .relation: .text(m.relation.rawValue)
        case .ethnicity: .text(m.ethnicity?.rawValue)
        case .education: .text(m.education?.rawValue)
        case .schooling: .text(m.schooling?.rawValue)
        case .educationExempt: .bool(m.educationExempt)
        case .health: .text(m.health?.rawValue)
        case .labour: .text(m.labour?.rawValue)
        case .workPlace: .text(m.workPlace?.rawValue)
        case .workMonths: .int(m.workMonths)
        case .medicalInsurance: .bool(m.medicalInsurance)
        case .pensionInsurance: .bool(m.pensionInsurance)
        case .importID: .int64(importID)
        }
    }
}
