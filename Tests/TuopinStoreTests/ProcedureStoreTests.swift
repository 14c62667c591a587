import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

/// Procedures in the database: each step audited, a finished exit sets the exit year, return to poverty
/// clears it, monitoring is entered and cleared, a removal deletes the household but keeps its record.
@Suite struct ProcedureStoreTests {
    let county = User(username: "county", name: "县干部", unit: "县扶贫办", role: .countyOffice, area: AreaCode("451224"))
    let standards = StandardsCatalog.shipped

    /// Runs every remaining step as the county office, waiting out postings.
    func finish(_ id: Int64, from start: LocalDate, on db: any Database) async throws -> LocalDate {
        var day = start
        while let stored = try await ProcedureStore.list(householdID: householdOf(id, db), on: db).first(where: { $0.id == id }),
              let next = stored.procedure.nextStep {
            if let ends = stored.procedure.postingEndsOn { day = max(day, ends) }
            try await ProcedureStore.take(next, procedureID: id, on: day, note: nil, actor: county, ip: nil, standards: standards, now: Date(), on: db)
            day = day.adding(days: 1)
        }
        return day
    }

    func householdOf(_ procedureID: Int64, _ db: any Database) async throws -> Int64 {
        try await ProcedureStore.household(of: procedureID, on: db).householdID ?? -1
    }

    func exitYear(_ id: Int64, _ db: any Database) async throws -> Int? {
        try await (db as! any SQLDatabase).raw("SELECT exit_year FROM households WHERE id = \(bind: id)").first()?.decode(column: "exit_year", as: Int?.self)
    }

    @Test func exit_return_monitoring_and_removal_change_the_household_and_its_history() async throws {
        try await StoreHarness.withStore { db in
            var rich = Samples.household("H0001")
            rich.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 12_000))]
            _ = try await StoreHarness.importRows(Samples.rows([rich, Samples.household("H0002", idBase: 2)]), on: db)
            let start = LocalDate(iso: "2016-11-01")!

            let exit = try await ProcedureStore.start(.exit, householdID: 1, actor: county, ip: nil, postingDays: 7, now: Date(), on: db)
            await #expect(throws: ProcedureRefused.self) {
                try await ProcedureStore.start(.exit, householdID: 1, actor: county, ip: nil, postingDays: 7, now: Date(), on: db)
            }
            _ = try await finish(exit, from: start, on: db)
            #expect(try await exitYear(1, db) == 2016)
            #expect(try await ProcedureStore.history(householdID: 1, on: db).map(\.status) == ["已脱贫"])

            let monitor = try await ProcedureStore.start(.monitoringEntry, householdID: 1, actor: county, ip: nil, postingDays: 7, now: Date(), on: db)
            let after = try await finish(monitor, from: start.adding(days: 40), on: db)
            #expect(try await ProcedureStore.isMonitored(1, on: db))
            let clear = try await ProcedureStore.start(.monitoringClearance, householdID: 1, actor: county, ip: nil, postingDays: 7, now: Date(), on: db)
            _ = try await finish(clear, from: after, on: db)
            #expect(try await ProcedureStore.isMonitored(1, on: db) == false)

            let back = try await ProcedureStore.start(.returnToPoverty, householdID: 1, actor: county, ip: nil, postingDays: 7, now: Date(), on: db)
            _ = try await finish(back, from: after.adding(days: 40), on: db)
            #expect(try await exitYear(1, db) == nil)
            #expect(try await ProcedureStore.history(householdID: 1, on: db).map(\.status) == ["已脱贫", "纳入监测", "风险消除", "返贫"])

            // H0002 (2,666.67 per person) does not meet the 2016 standard: its exit cannot be closed.
            let refused = try await ProcedureStore.start(.exit, householdID: 2, actor: county, ip: nil, postingDays: 7, now: Date(), on: db)
            await #expect(throws: ProcedureRefused.self) { _ = try await finish(refused, from: start, on: db) }
            #expect(try await exitYear(2, db) == nil)
            let stuck = try await ProcedureStore.list(householdID: 2, on: db)[0].procedure
            #expect(stuck.nextStep == .deregistration, "every step before 销号 was taken; 销号 was refused")

            let removal = try await ProcedureStore.start(.removal, householdID: 2, actor: county, ip: nil, postingDays: 7, now: Date(), on: db)
            _ = try await finish(removal, from: start, on: db)
            #expect(try await StoreHarness.counts(db)["households"] == 1)
            let kept = try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM procedures WHERE household_no = 'H0002'").first()!.decode(column: "n", as: Int.self)
            #expect(kept == 2, "the procedures outlive the removed household")

            let actions = try await (db as! any SQLDatabase).raw("SELECT action, COUNT(*) AS n FROM audit_events WHERE action LIKE 'procedure.%' OR action IN ('household.status', 'household.remove') GROUP BY action").all()
            let byAction = Dictionary(uniqueKeysWithValues: try actions.map { (try $0.decode(column: "action", as: String.self), try $0.decode(column: "n", as: Int.self)) })
            #expect(byAction["procedure.start"] == 6 && byAction["household.status"] == 2 && byAction["household.remove"] == 1)
            #expect(try await AuditVerifier.verify(on: db).isIntact)
        }
    }

    @Test func a_village_team_may_not_announce() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household()]), on: db)
            let village = User(username: "v", name: "村干部", unit: "驻村工作队", role: .villageTeam, area: Samples.village)
            let id = try await ProcedureStore.start(.exit, householdID: 1, actor: village, ip: nil, postingDays: 7, now: Date(), on: db)
            var day = LocalDate(iso: "2016-11-01")!
            for step in [ProcedureStep.democraticReview, .verification, .householdConsent, .posting] {
                try await ProcedureStore.take(step, procedureID: id, on: day, note: nil, actor: village, ip: nil, standards: standards, now: Date(), on: db)
                day = day.adding(days: 1)
            }
            await #expect(throws: ProcedureRefused.self) {
                try await ProcedureStore.take(.announcement, procedureID: id, on: day.adding(days: 10), note: nil, actor: village, ip: nil,
                                              standards: standards, now: Date(), on: db)
            }
            // The county may not announce before the posting's seventh day, nor with an objection open.
            await #expect(throws: ProcedureRefused.self) {
                try await ProcedureStore.take(.announcement, procedureID: id, on: day, note: nil, actor: county, ip: nil, standards: standards, now: Date(), on: db)
            }
            try await ProcedureStore.object(procedureID: id, text: "收入不实", on: day, actor: village, ip: nil, now: Date(), on: db)
            await #expect(throws: ProcedureRefused.self) {
                try await ProcedureStore.take(.announcement, procedureID: id, on: day.adding(days: 10), note: nil, actor: county, ip: nil,
                                              standards: standards, now: Date(), on: db)
            }
            try await ProcedureStore.resolve(procedureID: id, objection: 0, resolution: "核实无误", on: day.adding(days: 2), actor: village, ip: nil, now: Date(), on: db)
            try await ProcedureStore.take(.announcement, procedureID: id, on: day.adding(days: 10), note: nil, actor: county, ip: nil, standards: standards, now: Date(), on: db)
            #expect(try await ProcedureStore.list(householdID: 1, on: db)[0].procedure.nextStep == .deregistration)
        }
    }
}
