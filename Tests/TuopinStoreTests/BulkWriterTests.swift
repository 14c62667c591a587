import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
@testable import TuopinStore
import TuopinTestSupport

/// The bulk writer gives back the ID of every row an upsert writes, inserted or updated, on each of its
/// paths: SQLite's multi-row INSERT, and on PostgreSQL both COPY (200 rows and more) and a plain INSERT.
@Suite struct BulkWriterTests {
    static func rows(_ numbers: [String], now: Date) -> [[BulkValue]] {
        numbers.map { RegistryRows.household(Samples.household($0), importID: nil, now: now) }
    }

    static func storedIDs(_ db: any Database) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try await (db as! any SQLDatabase).raw("SELECT id, county_code, household_no FROM households").all() {
            ids[try row.decode(column: "county_code", as: String.self) + "/" + row.decode(column: "household_no", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        return ids
    }

    @Test(arguments: [3, 250])
    func ids_come_back_for_new_and_updated_rows(count: Int) async throws {
        try await StoreHarness.withStore { db in
            try await AreaStore.ensure(villages: [Samples.village], on: db)
            let writer = BulkWriter(db)
            let now = Date(timeIntervalSince1970: 1_795_000_000)
            let first = (0..<count).map { String(format: "A%04d", $0) }
            let returnedFirst = try await writer.insertReturningIDs(into: HouseholdRecord.schema, columns: RegistryRows.householdColumns,
                                                                    rows: Self.rows(first, now: now), upsert: RegistryRows.householdUpsert,
                                                                    keyedBy: ["county_code", "household_no"])
            #expect(returnedFirst.count == count)
            #expect(returnedFirst == (try await Self.storedIDs(db)))
            // Again, half of them known and half new: the known keep their IDs.
            let second = Array(first.suffix(count / 2 + 1)) + (0..<count / 2).map { String(format: "B%04d", $0) }
            let returnedSecond = try await writer.insertReturningIDs(into: HouseholdRecord.schema, columns: RegistryRows.householdColumns,
                                                                     rows: Self.rows(second, now: now), upsert: RegistryRows.householdUpsert,
                                                                     keyedBy: ["county_code", "household_no"])
            let stored = try await Self.storedIDs(db)
            #expect(returnedSecond.count == second.count)
            #expect(returnedSecond.allSatisfy { stored[$0.key] == $0.value })
            #expect(first.suffix(count / 2 + 1).allSatisfy { returnedSecond["451224/" + $0] == returnedFirst["451224/" + $0] })
            #expect(stored.count == count + count / 2)
        }
    }
}
