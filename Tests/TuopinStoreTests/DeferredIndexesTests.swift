import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
@testable import TuopinStore
import TuopinTestSupport

/// A large load builds the table's indexes after its rows: afterwards the indexes are all there and used, and a
/// load that fails part-way leaves the table and its indexes as they were.
@Suite struct DeferredIndexesTests {
    static func indexes(_ db: any Database) async throws -> [String] {
        try await (db as! any SQLDatabase).raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'department_records' ORDER BY name")
            .all().map { try $0.decode(column: "name", as: String.self) }
    }

    @Test func a_large_load_keeps_its_indexes_and_a_failed_one_changes_nothing() async throws {
        try await StoreHarness.withStore(.sqlite) { db in
            let before = try await Self.indexes(db)
            #expect(before.contains("department_records_id_idx"))
            let county = AreaCode("451224")!
            let records = (0..<DeferredIndexes.threshold).map { n in
                DepartmentRecord(kind: .vehicles, idNumber: String(format: "45122419800101%04d", n % 10_000), name: "车主\(n)", date: nil,
                                 fields: ["车辆类型": "小型轿车"])
            }
            try await db.transaction { tx in
                try await DepartmentStore.load(records, kind: .vehicles, file: "v.csv", digest: "d1", county: county, username: "t", date: Samples.today, on: tx)
            }
            #expect(try await Self.indexes(db) == before)
            let sql = db as! any SQLDatabase
            let plan = try await sql.raw("EXPLAIN QUERY PLAN SELECT * FROM department_records WHERE id_number = '451224198001010007'").all()
                .map { try $0.decode(column: "detail", as: String.self) }.joined()
            #expect(plan.contains("department_records_id_idx"), "\(plan)")
            let found = try await DepartmentStore.records(county: county, idNumbers: ["451224198001010007"], on: db)
            #expect(found.count == 5)

            // A second load as large again, failing after its rows: nothing of it stays, the indexes stay.
            struct Stop: Error {}
            await #expect(throws: Stop.self) {
                try await db.transaction { tx in
                    try await DeferredIndexes.around("department_records", rows: 2 * DeferredIndexes.threshold, on: tx) {
                        try await DepartmentStore.load(records + records, kind: .vehicles, file: "w.csv", digest: "d2", county: county, username: "t",
                                                       date: Samples.today, on: tx)
                        throw Stop()
                    }
                }
            }
            #expect(try await Self.indexes(db) == before)
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM department_records").first()!.decode(column: "n", as: Int.self)
            #expect(count == DeferredIndexes.threshold)
        }
    }
}
