import Foundation
import TuopinDomain

/// Domain values laid out as rows of the registry tables for the bulk writer, in the column lists of
/// `HouseholdColumn`, `MemberColumn` and `IncomeColumn`.
enum RegistryRows {
    static let householdColumns = HouseholdColumn.written.map(\.rawValue)

    /// On reload every column but the key and the version is replaced; the version goes up by one.
    static var householdUpsert: BulkWriter.Upsert {
        .init(keys: HouseholdColumn.key.map(\.rawValue),
              update: HouseholdColumn.written.filter { !HouseholdColumn.key.contains($0) && $0 != .version }.map(\.rawValue),
              increment: [HouseholdColumn.version.rawValue])
    }

    static func household(_ h: Household, importID: Int64?, now: Date) -> [BulkValue] {
        HouseholdColumn.written.map { $0.value(h, importID: importID, now: now) }
    }

    static let memberColumns = MemberColumn.written.map(\.rawValue)

    static var memberUpsert: BulkWriter.Upsert {
        .init(keys: MemberColumn.key.map(\.rawValue), update: MemberColumn.written.filter { !MemberColumn.key.contains($0) }.map(\.rawValue))
    }

    static func member(_ m: Member, householdID: Int64, position: Int, importID: Int64?) -> [BulkValue] {
        MemberColumn.written.map { $0.value(m, householdID: householdID, position: position, importID: importID) }
    }

    static let incomeColumns = IncomeColumn.written.map(\.rawValue)

    static var incomeUpsert: BulkWriter.Upsert {
        .init(keys: IncomeColumn.key.map(\.rawValue), update: IncomeColumn.written.filter { !IncomeColumn.key.contains($0) }.map(\.rawValue))
    }

    static func income(_ i: HouseholdIncome, householdID: Int64) -> [BulkValue] {
        IncomeColumn.written.map { $0.value(i, householdID: householdID) }
    }
}
