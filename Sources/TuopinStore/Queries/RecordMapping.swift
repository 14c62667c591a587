import Foundation
import TuopinDomain

/// Turns stored rows back into domain values.
enum RecordMapping {
    /// Far enough ahead that a stored ID never counts as born in the future.
    static let farFuture = LocalDate(year: 9999, month: 12, day: 31)!

    static func household(_ r: HouseholdRecord, members: [MemberRecord], incomes: [HouseholdIncomeRecord]) -> Household? {
        guard let village = AreaCode(r.villageCode), let type = HouseholdType(rawValue: r.type),
              let standard = IdentificationStandard(rawValue: r.standard), let cause = PovertyCause(rawValue: r.mainCause) else { return nil }
        return Household(number: r.number, villageCode: village, type: type, standard: standard, mainCause: cause,
                         otherCauses: r.otherCauses.split(separator: "、").compactMap { PovertyCause(rawValue: String($0)) },
                         identifiedYear: r.identifiedYear, exitYear: r.exitYear,
                         housingGrade: r.housingGrade.flatMap(HousingGrade.init(rawValue:)), housingResolved: r.housingResolved,
                         foodSecure: r.foodSecure, clothingSecure: r.clothingSecure, waterSafe: r.waterSafe, phone: r.phone,
                         members: members.compactMap(member), incomes: incomes.map(income))
    }

    static func member(_ m: MemberRecord) -> Member? {
        guard case .success(let id) = ResidentID.parse(m.idNumber + (m.disabilitySuffix ?? ""), today: farFuture),
              let relation = Relation(rawValue: m.relation) else { return nil }
        return Member(name: m.name, id: id, relation: relation, ethnicity: m.ethnicity.flatMap(Ethnicity.init(rawValue:)),
                      education: m.education.flatMap(Education.init(rawValue:)), schooling: m.schooling.flatMap(Schooling.init(rawValue:)),
                      educationExempt: m.educationExempt, health: m.health.flatMap(Health.init(rawValue:)),
                      labour: m.labour.flatMap(LabourCapacity.init(rawValue:)), workPlace: m.workPlace.flatMap(WorkPlace.init(rawValue:)),
                      workMonths: m.workMonths, medicalInsurance: m.medicalInsurance, pensionInsurance: m.pensionInsurance)
    }

    static func income(_ i: HouseholdIncomeRecord) -> HouseholdIncome {
        HouseholdIncome(year: i.year, wage: i.wage.map(Money.init(fen:)), business: i.business.map(Money.init(fen:)),
                        property: i.property.map(Money.init(fen:)), transfer: i.transfer.map(Money.init(fen:)),
                        businessExpense: i.businessExpense.map(Money.init(fen:)))
    }
}
