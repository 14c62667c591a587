/// The scan's columns by name, resolved to their positions once.
extension HouseholdScan {
    enum HC {
        static let id = householdColumns["id"]
        static let householdNo = householdColumns["household_no"]
        static let villageCode = householdColumns["village_code"]
        static let householdType = householdColumns["household_type"]
        static let identificationStandard = householdColumns["identification_standard"]
        static let mainCause = householdColumns["main_cause"]
        static let identifiedYear = householdColumns["identified_year"]
        static let exitYear = householdColumns["exit_year"]
        static let housingGrade = householdColumns["housing_grade"]
        static let housingResolved = householdColumns["housing_resolved"]
        static let foodSecure = householdColumns["food_secure"]
        static let clothingSecure = householdColumns["clothing_secure"]
        static let waterSafe = householdColumns["water_safe"]
        static let powerSupplied = householdColumns["power_supplied"]
        static let broadcastReception = householdColumns["broadcast_reception"]
    }
    enum MC {
        static let householdId = memberColumns["household_id"]
        static let position = memberColumns["position"]
        static let name = memberColumns["name"]
        static let idNumber = memberColumns["id_number"]
        static let disabilitySuffix = memberColumns["disability_suffix"]
        static let relation = memberColumns["relation"]
        static let schooling = memberColumns["schooling"]
        static let educationExempt = memberColumns["education_exempt"]
        static let health = memberColumns["health"]
        static let medicalInsurance = memberColumns["medical_insurance"]
    }
    enum IC {
        static let householdId = incomeColumns["household_id"]
        static let year = incomeColumns["year"]
        static let wageFen = incomeColumns["wage_fen"]
        static let businessFen = incomeColumns["business_fen"]
        static let propertyFen = incomeColumns["property_fen"]
        static let transferFen = incomeColumns["transfer_fen"]
        static let businessExpenseFen = incomeColumns["business_expense_fen"]
    }
}
