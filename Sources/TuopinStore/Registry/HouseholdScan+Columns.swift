/// The scan's columns, resolved to their places in its SELECT lists once.
extension HouseholdScan {
    enum HC {
        static let id = householdColumns[HouseholdColumn.id.rawValue]
        static let householdNo = householdColumns[HouseholdColumn.householdNo.rawValue]
        static let villageCode = householdColumns[HouseholdColumn.villageCode.rawValue]
        static let householdType = householdColumns[HouseholdColumn.householdType.rawValue]
        static let identificationStandard = householdColumns[HouseholdColumn.identificationStandard.rawValue]
        static let mainCause = householdColumns[HouseholdColumn.mainCause.rawValue]
        static let identifiedYear = householdColumns[HouseholdColumn.identifiedYear.rawValue]
        static let exitYear = householdColumns[HouseholdColumn.exitYear.rawValue]
        static let housingGrade = householdColumns[HouseholdColumn.housingGrade.rawValue]
        static let housingResolved = householdColumns[HouseholdColumn.housingResolved.rawValue]
        static let foodSecure = householdColumns[HouseholdColumn.foodSecure.rawValue]
        static let clothingSecure = householdColumns[HouseholdColumn.clothingSecure.rawValue]
        static let waterSafe = householdColumns[HouseholdColumn.waterSafe.rawValue]
        static let powerSupplied = householdColumns[HouseholdColumn.powerSupplied.rawValue]
        static let broadcastReception = householdColumns[HouseholdColumn.broadcastReception.rawValue]
    }
    enum MC {
        static let householdId = memberColumns[MemberColumn.householdID.rawValue]
        static let position = memberColumns[MemberColumn.position.rawValue]
        static let name = memberColumns[MemberColumn.name.rawValue]
        static let idNumber = memberColumns[MemberColumn.idNumber.rawValue]
        static let disabilitySuffix = memberColumns[MemberColumn.disabilitySuffix.rawValue]
        static let relation = memberColumns[MemberColumn.relation.rawValue]
        static let schooling = memberColumns[MemberColumn.schooling.rawValue]
        static let educationExempt = memberColumns[MemberColumn.educationExempt.rawValue]
        static let health = memberColumns[MemberColumn.health.rawValue]
        static let labour = memberColumns[MemberColumn.labour.rawValue]
        static let workPlace = memberColumns[MemberColumn.workPlace.rawValue]
        static let workMonths = memberColumns[MemberColumn.workMonths.rawValue]
        static let medicalInsurance = memberColumns[MemberColumn.medicalInsurance.rawValue]
    }
    enum IC {
        static let householdId = incomeColumns[IncomeColumn.householdID.rawValue]
        static let year = incomeColumns[IncomeColumn.year.rawValue]
        static let wageFen = incomeColumns[IncomeColumn.wageFen.rawValue]
        static let businessFen = incomeColumns[IncomeColumn.businessFen.rawValue]
        static let propertyFen = incomeColumns[IncomeColumn.propertyFen.rawValue]
        static let transferFen = incomeColumns[IncomeColumn.transferFen.rawValue]
        static let businessExpenseFen = incomeColumns[IncomeColumn.businessExpenseFen.rawValue]
    }
}
