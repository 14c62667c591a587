import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
@testable import TuopinStore
import TuopinTestSupport

/// An import leaves one audit record per household it creates or changes, with the values before
/// and after, chained like every other record; a household it leaves as it was gets none.
@Suite struct ImportAuditTests {
    struct Record: Decodable {
        var action: String
        var entity_id: String?
        var before_json: String?
        var after_json: String?
        var reason: String?
    }

    func records(_ db: any Database) async throws -> [Record] {
        try await (db as! any SQLDatabase).raw("SELECT action, entity_id, before_json, after_json, reason FROM audit_events WHERE action = 'household.import' ORDER BY seq")
            .all(decoding: Record.self)
    }

    func json(_ text: String?) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data((text ?? "{}").utf8))
    }

    @Test func a_first_import_records_each_new_household_in_full() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household("H0001"), Samples.household("H0002", idBase: 2)]), on: db)
            let found = try await records(db)
            #expect(found.count == 2)
            let after = try json(found[0].after_json)
            #expect(after["户编号"] == "H0001")
            #expect(after["贫困户属性"] == "一般贫困户")
            #expect(after["2016年收入"]?.contains("工资性 6,000.00") == true)
            #expect(after.keys.contains { $0.hasPrefix("成员 韦小军") })
            #expect(found[0].before_json == nil)
            #expect(found[0].reason?.contains("registry.csv") == true)
            #expect(try await AuditVerifier.verify(on: db).isIntact)
        }
    }

    @Test func a_reload_records_only_what_changed_in_the_households_that_changed() async throws {
        try await StoreHarness.withStore { db in
            let unchanged = Samples.household("H0001")
            var changed = Samples.household("H0002", idBase: 2)
            _ = try await StoreHarness.importRows(Samples.rows([unchanged, changed]), on: db)
            changed.waterSafe = false
            changed.members.removeLast()
            changed.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 7000))]
            _ = try await StoreHarness.importRows(Samples.rows([unchanged, changed]), on: db)

            let found = try await records(db)
            #expect(found.count == 3)
            let last = found[2]
            let id = try await (db as! any SQLDatabase).raw("SELECT id FROM households WHERE household_no = 'H0002'").first()!.decode(column: "id", as: Int64.self)
            #expect(last.entity_id == String(id))
            let before = try json(last.before_json), after = try json(last.after_json)
            #expect(before["饮水安全"] == "是")
            #expect(after["饮水安全"] == "否")
            #expect(after["2016年收入"] == "工资性 7,000.00")
            #expect(before["2016年收入"]?.contains("生产经营性 2,500.00") == true)
            let removed = try #require(before.keys.first { $0.hasPrefix("成员 韦小军") })
            #expect(after[removed] == "")
            #expect(before["贫困户属性"] == nil, "unchanged fields are left out")
            #expect(try await AuditVerifier.verify(on: db).isIntact)
        }
    }

    /// What the one-line member summary used to leave out still changes the registry, so a reload that
    /// changes only that must say so: a disability-certificate suffix, work months without a work place,
    /// the members' order.
    @Test func a_reload_records_suffix_months_and_order_changes() async throws {
        try await StoreHarness.withStore { db in
            var h = Samples.household("H0001")
            h.members[2].workPlace = nil
            h.members[2].workMonths = nil
            _ = try await StoreHarness.importRows(Samples.rows([h]), on: db)
            var changed = h
            changed.members[2].workMonths = 3
            changed.members[1].id = try ResidentID.parse(h.members[1].id.number + "42", today: Samples.today).get()
            changed.members.swapAt(1, 2)
            let outcome = try await StoreHarness.importRows(Samples.rows([changed]), on: db)
            #expect(outcome.written, "\(outcome.issues.prefix(3))")
            let found = try await records(db)
            #expect(found.count == 2)
            let before = try json(found[1].before_json), after = try json(found[1].after_json)
            #expect(after["成员顺序"] == "韦国强、韦小军、黄秀英" && before["成员顺序"] == "韦国强、黄秀英、韦小军")
            #expect(after.first { $0.key.hasPrefix("成员 韦小军") }?.value.contains("务工3个月") == true, "\(after)")
            #expect(after.first { $0.key.hasPrefix("成员 黄秀英") }?.value.contains("残疾证号后缀42") == true, "\(after)")
            #expect(try await AuditVerifier.verify(on: db).isIntact)
        }
    }
}

/// Many records at once take the bulk path (COPY on PostgreSQL): text with tabs, line breaks and
/// backslashes, nulls and millisecond times come back exactly, and the chain verifies.
@Suite struct AuditBulkAppendTests {
    @Test func a_bulk_append_round_trips_and_verifies() async throws {
        try await StoreHarness.withStore { db in
            let base = Date(timeIntervalSince1970: 1_795_000_000.123)
            let entries = (0..<(BulkWriter.copyThreshold + 50)).map { i in
                AuditTrail.Entry(actor: "批量\t\(i)", ip: i % 2 == 0 ? nil : "10.0.0.\(i % 250)", action: "test.bulk", entity: "x",
                                 entityID: String(i), before: "a\\b\nc\r", after: AuditTrail.json(["k": "值\(i)"]),
                                 at: base.addingTimeInterval(Double(i) * 0.001))
            }
            try await db.transaction { tx in try await AuditTrail.append(contentsOf: entries, on: tx) }
            let page = try await AuditQuery.search(.init(action: "test.bulk"), scope: .everything, page: 1, perPage: 1000, on: db)
            #expect(page.total == entries.count)
            // Times compare to the millisecond (a database's float or timestamp need not give back the same Double).
            func millis(_ e: AuditTrail.Entry) -> AuditTrail.Entry {
                var e = e
                e.at = Date(timeIntervalSince1970: (e.at.timeIntervalSince1970 * 1000).rounded())
                return e
            }
            let stored = page.items.sorted { $0.seq < $1.seq }.map { millis($0.entry) }
            let mismatches = zip(stored, entries.map(millis)).filter { $0 != $1 }
            #expect(stored.count == entries.count && mismatches.isEmpty, "\(mismatches.first.map { "\($0)" } ?? "")")
            #expect(try await AuditVerifier.verify(on: db).isIntact)
        }
    }

}
