import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// Procedures run through the use case: each step audited, a finished exit sets the exit year, return to
/// poverty clears it, monitoring is entered and cleared, a removal deletes the household but keeps its record.
@Suite struct ProcedureServiceTests {
    let county = User(username: "county", name: "县干部", unit: "县扶贫办", role: .countyOffice, area: AreaCode("451224"))

    func by(_ user: User, _ db: any Database) -> ServiceContext {
        ServiceContext(user: user, ip: nil, now: Date(), db: db, standards: StandardsCatalog.shipped)
    }

    /// Runs every remaining step as the county office, waiting out postings.
    func finish(_ id: Procedure.ID, from start: LocalDate, on db: any Database) async throws -> LocalDate {
        var day = start
        while let stored = try await ProcedureStore.find(id, on: db), let next = stored.procedure.nextStep {
            if let ends = stored.procedure.postingEndsOn { day = max(day, ends) }
            try await ProcedureService.take(next, procedure: id, on: day, note: nil, in: by(county, db))
            day = day.adding(days: 1)
        }
        return day
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

            let exit = try await ProcedureService.start(.exit, household: 1, in: by(county, db))
            await #expect(throws: Refused.self) {
                try await ProcedureService.start(.exit, household: 1, in: by(county, db))
            }
            _ = try await finish(exit, from: start, on: db)
            #expect(try await exitYear(1, db) == 2016)
            #expect(try await ProcedureStore.history(householdID: 1, on: db).map(\.status) == ["已脱贫"])

            let monitor = try await ProcedureService.start(.monitoringEntry, household: 1, in: by(county, db))
            let after = try await finish(monitor, from: start.adding(days: 40), on: db)
            #expect(try await ProcedureStore.isMonitored(1, on: db))
            let clear = try await ProcedureService.start(.monitoringClearance, household: 1, in: by(county, db))
            _ = try await finish(clear, from: after, on: db)
            #expect(try await ProcedureStore.isMonitored(1, on: db) == false)

            let back = try await ProcedureService.start(.returnToPoverty, household: 1, in: by(county, db))
            _ = try await finish(back, from: after.adding(days: 40), on: db)
            #expect(try await exitYear(1, db) == nil)
            #expect(try await ProcedureStore.history(householdID: 1, on: db).map(\.status) == ["已脱贫", "纳入监测", "风险消除", "返贫"])

            // H0002 (2,666.67 per person) does not meet the 2016 standard: its exit cannot be closed.
            let refused = try await ProcedureService.start(.exit, household: 2, in: by(county, db))
            await #expect(throws: Refused.self) { _ = try await finish(refused, from: start, on: db) }
            #expect(try await exitYear(2, db) == nil)
            let stuck = try await ProcedureStore.list(householdID: 2, on: db)[0].procedure
            #expect(stuck.nextStep == .deregistration, "every step before 销号 was taken; 销号 was refused")

            let removal = try await ProcedureService.start(.removal, household: 2, in: by(county, db))
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
            let id = try await ProcedureService.start(.exit, household: 1, in: by(village, db))
            var day = LocalDate(iso: "2016-11-01")!
            for step in [ProcedureStep.democraticReview, .verification, .householdConsent, .posting] {
                try await ProcedureService.take(step, procedure: id, on: day, note: nil, in: by(village, db))
                day = day.adding(days: 1)
            }
            await #expect(throws: Refused.self) {
                try await ProcedureService.take(.announcement, procedure: id, on: day.adding(days: 10), note: nil, in: by(village, db))
            }
            // The county may not announce before the posting's seventh day, nor with an objection open.
            await #expect(throws: ProcedureError.postingNotOver(step: .posting, endsOn: day.adding(days: 6))) {
                try await ProcedureService.take(.announcement, procedure: id, on: day, note: nil, in: by(county, db))
            }
            try await ProcedureService.object(procedure: id, text: "收入不实", on: day, in: by(village, db))
            await #expect(throws: ProcedureError.objectionOpen(count: 1)) {
                try await ProcedureService.take(.announcement, procedure: id, on: day.adding(days: 10), note: nil, in: by(county, db))
            }
            try await ProcedureService.resolve(procedure: id, objection: 0, resolution: "核实无误", on: day.adding(days: 2), in: by(village, db))
            try await ProcedureService.take(.announcement, procedure: id, on: day.adding(days: 10), note: nil, in: by(county, db))
            #expect(try await ProcedureStore.list(householdID: 1, on: db)[0].procedure.nextStep == .deregistration)
        }
    }
}
