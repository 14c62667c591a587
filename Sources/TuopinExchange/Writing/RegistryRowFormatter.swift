import TuopinDomain

/// Lays a household out as exchange-format rows: one per member, the household's fields repeated.
public enum RegistryRowFormatter {
    public static let columns = ExchangeColumn.allCases

    /// The header row: Chinese names.
    public static var header: [String] { columns.map(\.chineseName) }

    /// The rows of a household. `incomeYear` picks the income record to write (the latest when nil).
    public static func rows(_ h: Household, incomeYear: Int? = nil) -> [[String]] {
        let income = incomeYear.flatMap { h.income(for: $0) } ?? h.incomes.last
        func m(_ v: Money?) -> String { v?.plainYuan ?? "" }
        func b(_ v: Bool?) -> String { v.map(YesNo.label) ?? "" }
        let perCapita = income?.perCapita(memberCount: h.members.count)
        let householdPart: [String] = [
            h.number, h.villageCode.value, h.type.rawValue, h.standard.rawValue, h.mainCause.rawValue,
            h.otherCauses.map(\.rawValue).joined(separator: "、"), String(h.identifiedYear),
            h.exitYear.map(String.init) ?? "", income.map { String($0.year) } ?? "", m(income?.wage),
            m(income?.business), m(income?.property), m(income?.transfer), m(income?.businessExpense),
            m(perCapita), h.housingGrade?.rawValue ?? "", b(h.housingResolved), b(h.foodSecure),
            b(h.clothingSecure), b(h.waterSafe), h.phone ?? "",
        ]
        return h.members.map { p in
            householdPart + [
                p.name, p.id.registryText, p.sex.rawValue, p.relation.rawValue, p.ethnicity?.rawValue ?? "",
                p.education?.rawValue ?? "", p.schooling?.rawValue ?? "", b(p.educationExempt),
                p.health?.rawValue ?? "", p.labour?.rawValue ?? "", p.workPlace?.rawValue ?? "",
                p.workMonths.map(String.init) ?? "", b(p.medicalInsurance), b(p.pensionInsurance),
                b(h.powerSupplied), b(h.broadcastReception),
            ]
        }
    }
}
