import SQLKit
import TuopinDomain

/// Turns plain SQL rows of the registry tables into domain values (for reads of many rows).
enum RowMapping {
    /// Far enough ahead that a stored ID never counts as born in the future.
    static let farFuture = LocalDate(year: 9999, month: 12, day: 31)!

    static func household(_ r: any SQLRow, members: [Member], incomes: [HouseholdIncome]) throws -> Household? {
        guard let village = AreaCode(try r.decode(column: "village_code", as: String.self)),
              let type = HouseholdType(rawValue: try r.decode(column: "household_type", as: String.self)),
              let standard = IdentificationStandard(rawValue: try r.decode(column: "identification_standard", as: String.self)),
              let cause = PovertyCause(rawValue: try r.decode(column: "main_cause", as: String.self)) else { return nil }
        return Household(number: try r.decode(column: "household_no", as: String.self), villageCode: village, type: type,
                         standard: standard, mainCause: cause,
                         otherCauses: try r.decode(column: "other_causes", as: String.self).split(separator: "、").compactMap { PovertyCause(rawValue: String($0)) },
                         identifiedYear: try r.decode(column: "identified_year", as: Int.self),
                         exitYear: try r.decode(column: "exit_year", as: Int?.self),
                         housingGrade: try r.decode(column: "housing_grade", as: String?.self).flatMap(HousingGrade.init(rawValue:)),
                         housingResolved: try r.decode(column: "housing_resolved", as: Bool?.self),
                         foodSecure: try r.decode(column: "food_secure", as: Bool?.self),
                         clothingSecure: try r.decode(column: "clothing_secure", as: Bool?.self),
                         waterSafe: try r.decode(column: "water_safe", as: Bool?.self),
                         phone: try r.decode(column: "phone", as: String?.self),
                         powerSupplied: try r.decode(column: "power_supplied", as: Bool?.self),
                         broadcastReception: try r.decode(column: "broadcast_reception", as: Bool?.self),
                         members: members, incomes: incomes)
    }

    static func member(_ r: any SQLRow) throws -> Member? {
        let number = try r.decode(column: "id_number", as: String.self) + (try r.decode(column: "disability_suffix", as: String?.self) ?? "")
        guard case .success(let id) = ResidentID.parse(number, today: RowMapping.farFuture),
              let relation = Relation(rawValue: try r.decode(column: "relation", as: String.self)) else { return nil }
        func text(_ c: String) throws -> String? { try r.decode(column: c, as: String?.self) }
        return Member(name: try r.decode(column: "name", as: String.self), id: id, relation: relation,
                      ethnicity: try text("ethnicity").flatMap(Ethnicity.init(rawValue:)),
                      education: try text("education").flatMap(Education.init(rawValue:)),
                      schooling: try text("schooling").flatMap(Schooling.init(rawValue:)),
                      educationExempt: try r.decode(column: "education_exempt", as: Bool?.self),
                      health: try text("health").flatMap(Health.init(rawValue:)),
                      labour: try text("labour").flatMap(LabourCapacity.init(rawValue:)),
                      workPlace: try text("work_place").flatMap(WorkPlace.init(rawValue:)),
                      workMonths: try r.decode(column: "work_months", as: Int?.self),
                      medicalInsurance: try r.decode(column: "medical_insurance", as: Bool?.self),
                      pensionInsurance: try r.decode(column: "pension_insurance", as: Bool?.self))
    }

    static func income(_ r: any SQLRow) throws -> HouseholdIncome {
        func m(_ c: String) throws -> Money? { try r.decode(column: c, as: Int64?.self).map(Money.init(fen:)) }
        return HouseholdIncome(year: try r.decode(column: "year", as: Int.self), wage: try m("wage_fen"), business: try m("business_fen"),
                               property: try m("property_fen"), transfer: try m("transfer_fen"), businessExpense: try m("business_expense_fen"))
    }
}
