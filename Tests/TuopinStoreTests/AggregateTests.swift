import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

/// The summary table stays equal to the registry through every kind of write, and the check finds a
/// difference when someone changes it behind the registry's back.
@Suite struct AggregateTests {
    @Test func every_write_keeps_the_summary_current() async throws {
        try await StoreHarness.withStore { db in
            let county = User(username: "county", name: "县干部", unit: "县扶贫办", role: .countyOffice, area: AreaCode("451224"))
            var households = (1...6).map { Samples.household(String(format: "H%04d", $0), village: $0 % 2 == 0 ? Samples.village : Samples.otherVillage, idBase: $0) }
            _ = try await StoreHarness.importRows(Samples.rows(households), on: db)
            #expect(try await AggregateCheck.run(on: db).differences == [])
            // The county reads the village table, the province and prefecture the county table: always equal.
            func counts() async throws -> AreaCounts {
                let whole = try await AreaSummaryQuery.summary(of: AreaCode("451224")!, scope: .everything, on: db)!.counts
                for upper in ["450000", "451200"] {
                    let node = try #require(try await AreaSummaryQuery.summary(of: AreaCode(upper)!, scope: .everything, on: db))
                    #expect(node.counts == whole, "\(upper)")
                    let childPersons: Int = node.children.reduce(0) { $0 + $1.counts.persons }
                    #expect(childPersons == whole.persons)
                }
                return whole
            }
            let first = try await counts()
            #expect(first.households == 6 && first.persons == 18)

            // A reload that changes a type and moves a household to the other village (bulk upsert).
            households[0].type = .minimumIncome
            households[1].villageCode = Samples.otherVillage
            _ = try await StoreHarness.importRows(Samples.rows(households), on: db)
            #expect(try await AggregateCheck.run(on: db).differences == [])
            #expect(try await counts().households(.minimumIncome) == 1)

            // An edit that drops a member, a procedure that exits a household, a removal.
            let detail = try #require(try await HouseholdStore.find(3, scope: .everything, on: db))
            var edited = detail.household
            edited.members.removeLast()
            try await HouseholdEditor.apply(edited, id: 3, expectedVersion: detail.version, now: Date(), on: db)
            try await (db as! any SQLDatabase).raw("UPDATE households SET exit_year = 2016, status = '已脱贫' WHERE id = 4").run()
            let gone = try #require(try await HouseholdStore.find(5, scope: .everything, on: db))
            try await HouseholdEditor.remove(id: 5, expectedVersion: gone.version, on: db)
            #expect(try await AggregateCheck.run(on: db).differences == [])
            let c = try await counts()
            #expect(c.households == 5 && c.persons == 14 && c.households(.exited) == 1)

            // Changed behind the registry's back: found, then rebuilt.
            try await (db as! any SQLDatabase).raw("UPDATE village_counts SET households = households + 7").run()
            let report = try await AggregateCheck.run(on: db)
            #expect(!report.differences.isEmpty && report.differences.allSatisfy { $0.stored.0 == $0.actual.0 + 7 })
            try await AggregateCheck.rebuild(on: db)
            #expect(try await AggregateCheck.run(on: db).differences == [])
            try await (db as! any SQLDatabase).raw("UPDATE county_counts SET persons = persons - 1").run()
            let off = try await AggregateCheck.run(on: db).differences
            #expect(!off.isEmpty)
            for d in off {
                #expect(d.villageCode == "451224")
                #expect(d.stored.1 == d.actual.1 - 1)
            }
            try await AggregateCheck.rebuild(on: db)
            #expect(try await AggregateCheck.run(on: db).differences == [])
        }
    }
}
