import Foundation
import TuopinDomain

/// The columns of `households`, listed once: the import, the editor, the export's reads and the scan take
/// their names (and, for writes, their values) from here.
enum HouseholdColumn: String, CaseIterable, Sendable {
    case id
    case countyCode = "county_code"
    case householdNo = "household_no"
    case villageCode = "village_code"
    case status
    case householdType = "household_type"
    case identificationStandard = "identification_standard"
    case mainCause = "main_cause"
    case otherCauses = "other_causes"
    case identifiedYear = "identified_year"
    case exitYear = "exit_year"
    case housingGrade = "housing_grade"
    case housingResolved = "housing_resolved"
    case foodSecure = "food_secure"
    case clothingSecure = "clothing_secure"
    case waterSafe = "water_safe"
    case phone
    case powerSupplied = "power_supplied"
    case broadcastReception = "broadcast_reception"
    case memberCount = "member_count"
    case version
    case importID = "import_id"
    case updatedAt = "updated_at"

    /// What a write gives: every column but the database's own ID, in this order.
    static let written: [HouseholdColumn] = allCases.filter { $0 != .id }

    /// The key of a household within the registry (户编号 within its county).
    static let key: [HouseholdColumn] = [.countyCode, .householdNo]

    /// What an edit on the page changes: the household's own values (not its key, version or import).
    static let edited: [HouseholdColumn] = written.filter { !key.contains($0) && ![.version, .importID, .updatedAt].contains($0) }

    /// The value of this column for a household written by import `importID` (nil: entered on a page) at `now`.
    func value(_ h: Household, importID: Int64?, now: Date) -> BulkValue {
        switch self {
        case .id: .null
        case .countyCode: .text(h.villageCode.countyPart)
        case .householdNo: .text(h.number)
        case .villageCode: .text(h.villageCode.value)
        case .status: .text(h.status.rawValue)
        case .householdType: .text(h.type.rawValue)
        case .identificationStandard: .text(h.standard.rawValue)
        case .mainCause: .text(h.mainCause.rawValue)
        case .otherCauses: .text(h.otherCauses.map(\.rawValue).joined(separator: "、"))
        case .identifiedYear: .int(Int64(h.identifiedYear))
        case .exitYear: .int(h.exitYear)
        case .housingGrade: .text(h.housingGrade?.rawValue)
        case .housingResolved: .bool(h.housingResolved)
        case .foodSecure: .bool(h.foodSecure)
        case .clothingSecure: .bool(h.clothingSecure)
        case .waterSafe: .bool(h.waterSafe)
        case .phone: .text(h.phone)
        case .powerSupplied: .bool(h.powerSupplied)
        case .broadcastReception: .bool(h.broadcastReception)
        case .memberCount: .int(Int64(h.members.count))
        case .version: .int(1)
        case .importID: .int64(importID)
        case .updatedAt: .date(now)
        }
    }
}
