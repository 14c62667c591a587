import TuopinDomain

/// The household part of one row: every member row repeats it, and all must agree.
struct HouseholdFields: Equatable {
    var number: String
    var villageCode: AreaCode
    var type: HouseholdType
    var standard: IdentificationStandard
    var mainCause: PovertyCause
    var otherCauses: [PovertyCause]
    var identifiedYear: Int
    var exitYear: Int?
    var income: HouseholdIncome?
    var declaredPerCapita: Money?
    var housingGrade: HousingGrade?
    var housingResolved: Bool?
    var foodSecure: Bool?
    var clothingSecure: Bool?
    var waterSafe: Bool?
    var phone: String?
    var powerSupplied: Bool?
    var broadcastReception: Bool?

    /// Each household column's value in one canonical spelling, to find the one that disagrees.
    var canonical: [ExchangeColumn: String] {
        func m(_ v: Money?) -> String { v?.plainYuan ?? "" }
        func b(_ v: Bool?) -> String { v.map(YesNo.label) ?? "" }
        return [
            .villageCode: villageCode.value, .householdType: type.rawValue, .identificationStandard: standard.rawValue,
            .mainCause: mainCause.rawValue, .otherCauses: otherCauses.map(\.rawValue).joined(separator: "、"),
            .identifiedYear: String(identifiedYear), .exitYear: exitYear.map(String.init) ?? "",
            .incomeYear: income.map { String($0.year) } ?? "", .wageIncome: m(income?.wage),
            .businessIncome: m(income?.business), .propertyIncome: m(income?.property),
            .transferIncome: m(income?.transfer), .businessExpense: m(income?.businessExpense),
            .netIncomePerCapita: m(declaredPerCapita), .housingGrade: housingGrade?.rawValue ?? "",
            .housingResolved: b(housingResolved), .foodSecure: b(foodSecure), .clothingSecure: b(clothingSecure),
            .waterSafe: b(waterSafe), .phone: phone ?? "",
            .powerSupplied: b(powerSupplied), .broadcastReception: b(broadcastReception),
        ]
    }

    func household(members: [Member]) -> Household {
        Household(number: number, villageCode: villageCode, type: type, standard: standard, mainCause: mainCause,
                  otherCauses: otherCauses, identifiedYear: identifiedYear, exitYear: exitYear,
                  housingGrade: housingGrade, housingResolved: housingResolved, foodSecure: foodSecure,
                  clothingSecure: clothingSecure, waterSafe: waterSafe, phone: phone,
                  powerSupplied: powerSupplied, broadcastReception: broadcastReception, members: members,
                  incomes: income.map { [$0] } ?? [])
    }
}
