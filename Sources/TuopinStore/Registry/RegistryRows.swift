import Foundation
import TuopinDomain

/// Domain values laid out as rows of the registry tables, for the bulk writer.
enum RegistryRows {
    static let householdColumns = ["county_code", "household_no", "village_code", "status", "household_type",
                                   "identification_standard", "main_cause", "other_causes", "identified_year", "exit_year",
                                   "housing_grade", "housing_resolved", "food_secure", "clothing_secure", "water_safe",
                                   "phone", "power_supplied", "broadcast_reception", "member_count", "version", "import_id", "updated_at"]

    /// On reload every column but the key and the version is replaced; the version goes up by one.
    static var householdUpsert: BulkWriter.Upsert {
        .init(keys: ["county_code", "household_no"],
              update: householdColumns.filter { !["county_code", "household_no", "version"].contains($0) },
              increment: ["version"])
    }

    static func household(_ h: Household, importID: Int64?, now: Date) -> [BulkValue] {
        [.text(h.villageCode.countyPart), .text(h.number), .text(h.villageCode.value), .text(h.status.rawValue),
         .text(h.type.rawValue), .text(h.standard.rawValue), .text(h.mainCause.rawValue),
         .text(h.otherCauses.map(\.rawValue).joined(separator: "、")), .int(Int64(h.identifiedYear)), .int(h.exitYear),
         .text(h.housingGrade?.rawValue), .bool(h.housingResolved), .bool(h.foodSecure), .bool(h.clothingSecure),
         .bool(h.waterSafe), .text(h.phone), .bool(h.powerSupplied), .bool(h.broadcastReception),
         .int(Int64(h.members.count)), .int(1), .int64(importID), .date(now)]
    }

    static let memberColumns = ["household_id", "position", "id_number", "disability_suffix", "name", "sex", "birth_date",
                                "relation", "ethnicity", "education", "schooling", "education_exempt", "health", "labour",
                                "work_place", "work_months", "medical_insurance", "pension_insurance", "import_id"]

    static var memberUpsert: BulkWriter.Upsert {
        .init(keys: ["id_number"], update: memberColumns.filter { $0 != "id_number" })
    }

    static func member(_ m: Member, householdID: Int64, position: Int, importID: Int64?) -> [BulkValue] {
        [.int(householdID), .int(Int64(position)), .text(m.id.number), .text(m.id.disabilitySuffix), .text(m.name),
         .text(m.sex.rawValue), .text(m.birthDate.description), .text(m.relation.rawValue), .text(m.ethnicity?.rawValue),
         .text(m.education?.rawValue), .text(m.schooling?.rawValue), .bool(m.educationExempt), .text(m.health?.rawValue),
         .text(m.labour?.rawValue), .text(m.workPlace?.rawValue), .int(m.workMonths), .bool(m.medicalInsurance),
         .bool(m.pensionInsurance), .int64(importID)]
    }

    static let incomeColumns = ["household_id", "year", "wage_fen", "business_fen", "property_fen", "transfer_fen", "business_expense_fen"]

    static var incomeUpsert: BulkWriter.Upsert {
        .init(keys: ["household_id", "year"], update: ["wage_fen", "business_fen", "property_fen", "transfer_fen", "business_expense_fen"])
    }

    static func income(_ i: HouseholdIncome, householdID: Int64) -> [BulkValue] {
        [.int(householdID), .int(Int64(i.year)), .int64(i.wage?.fen), .int64(i.business?.fen), .int64(i.property?.fen),
         .int64(i.transfer?.fen), .int64(i.businessExpense?.fen)]
    }
}
