import FluentKit
import Foundation
import TuopinDomain

/// Reads of whole households (with members and incomes) through Fluent.
public enum HouseholdStore {
    /// A household by its database ID, or nil.
    public static func find(_ id: Int64, on db: any Database) async throws -> HouseholdDetail? {
        guard let record = try await HouseholdRecord.find(id, on: db) else { return nil }
        async let members = MemberRecord.query(on: db).filter(\.$householdID == id).sort(\.$position).all()
        async let incomes = HouseholdIncomeRecord.query(on: db).filter(\.$householdID == id).sort(\.$year).all()
        async let village = AreaRecord.find(record.villageCode, on: db)
        guard let household = try await RecordMapping.household(record, members: members, incomes: incomes) else { return nil }
        return HouseholdDetail(id: id, household: household, version: record.version, updatedAt: record.updatedAt,
                               villageName: try await village?.name)
    }
}
