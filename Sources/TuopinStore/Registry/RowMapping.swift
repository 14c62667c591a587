import SQLKit
import TuopinDomain

/// Turns plain SQL rows of the registry tables into domain values (for reads of many rows).
enum RowMapping {
    /// Far enough ahead that a stored ID never counts as born in the future.
    static let farFuture = LocalDate(year: 9999, month: 12, day: 31)!

    static func household(_ r: any SQLRow, members: [Member], incomes: [HouseholdIncome]) throws -> Household? {
        guard let village = AreaCode(try r.decode(column: HouseholdColumn.villageCode.rawValue, as: String.self)),
              let type = HouseholdType(rawValue: try r.decode(column: HouseholdColumn.householdType.rawValue, as: String.self)),
              let standard = IdentificationStandard(rawValue: try r.decode(column: HouseholdColumn.identificationStandard.rawValue, as: String.self)),
              let cause = PovertyCause(rawValue: try r.decode(column: HouseholdColumn.mainCause.rawValue, as: String.self)) else { return nil }
        return Household(number: try r.decode(column: HouseholdColumn.householdNo.rawValue, as: String.self), villageCode: village, type: type,
                         standard: standard, mainCause: cause,
                         otherCauses: try r.decode(column: HouseholdColumn.otherCauses.rawValue, as: String.self).split(separator: "、").compactMap { PovertyCause(rawValue: String($0)) },
                         identifiedYear: try r.decode(column: HouseholdColumn.identifiedYear.rawValue, as: Int.self),
                         exitYear: try r.decode(column: HouseholdColumn.exitYear.rawValue, as: Int?.self),
                         housingGrade: try r.decode(column: HouseholdColumn.housingGrade.rawValue, as: String?.self).flatMap(HousingGrade.init(rawValue:)),
                         housingResolved: try r.decode(column: HouseholdColumn.housingResolved.rawValue, as: Bool?.self),
                         foodSecure: try r.decode(column: HouseholdColumn.foodSecure.rawValue, as: Bool?.self),
                         clothingSecure: try r.decode(column: HouseholdColumn.clothingSecure.rawValue, as: Bool?.self),
                         waterSafe: try r.decode(column: HouseholdColumn.waterSafe.rawValue, as: Bool?.self),
                         phone: try r.decode(column: HouseholdColumn.phone.rawValue, as: String?.self),
                         powerSupplied: try r.decode(column: HouseholdColumn.powerSupplied.rawValue, as: Bool?.self),
                         broadcastReception: try r.decode(column: HouseholdColumn.broadcastReception.rawValue, as: Bool?.self),
                         members: members, incomes: incomes)
    }

    static func member(_ r: any SQLRow) throws -> Member? {
        let number = try r.decode(column: MemberColumn.idNumber.rawValue, as: String.self) + (try r.decode(column: MemberColumn.disabilitySuffix.rawValue, as: String?.self) ?? "")
        guard case .success(let id) = ResidentID.parse(number, today: RowMapping.farFuture),
              let relation = Relation(rawValue: try r.decode(column: MemberColumn.relation.rawValue, as: String.self)) else { return nil }
        func text(_ c: String) throws -> String? { try r.decode(column: c, as: String?.self) }
        return Member(name: try r.decode(column: MemberColumn.name.rawValue, as: String.self), id: id, relation: relation,
                      ethnicity: try text(MemberColumn.ethnicity.rawValue).flatMap(Ethnicity.init(rawValue:)),
                      education: try text(MemberColumn.education.rawValue).flatMap(Education.init(rawValue:)),
                      schooling: try text(MemberColumn.schooling.rawValue).flatMap(Schooling.init(rawValue:)),
                      educationExempt: try r.decode(column: MemberColumn.educationExempt.rawValue, as: Bool?.self),
                      health: try text(MemberColumn.health.rawValue).flatMap(Health.init(rawValue:)),
                      labour: try text(MemberColumn.labour.rawValue).flatMap(LabourCapacity.init(rawValue:)),
                      workPlace: try text(MemberColumn.workPlace.rawValue).flatMap(WorkPlace.init(rawValue:)),
                      workMonths: try r.decode(column: MemberColumn.workMonths.rawValue, as: Int?.self),
                      medicalInsurance: try r.decode(column: MemberColumn.medicalInsurance.rawValue, as: Bool?.self),
                      pensionInsurance: try r.decode(column: MemberColumn.pensionInsurance.rawValue, as: Bool?.self))
    }

    static func income(_ r: any SQLRow) throws -> HouseholdIncome {
        func m(_ c: String) throws -> Money? { try r.decode(column: c, as: Int64?.self).map(Money.init(fen:)) }
        return HouseholdIncome(year: try r.decode(column: IncomeColumn.year.rawValue, as: Int.self), wage: try m(IncomeColumn.wageFen.rawValue), business: try m(IncomeColumn.businessFen.rawValue),
                               property: try m(IncomeColumn.propertyFen.rawValue), transfer: try m(IncomeColumn.transferFen.rawValue), businessExpense: try m(IncomeColumn.businessExpenseFen.rawValue))
    }
}
