import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// Yearly plans: stored with an audit record per change, and progress counted from the registry.
@Suite struct TargetServiceTests {
    @Test func plans_are_audited_and_progress_splits_meeting_from_not_meeting() async throws {
        try await StoreHarness.withStore { db in
            var exited = Samples.household("H0002", idBase: 2)
            exited.exitYear = 2016
            var rich = Samples.household("H0003", village: Samples.otherVillage, idBase: 3)
            rich.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 12_000))]
            var later = Samples.household("H0004", idBase: 4)
            later.incomes = rich.incomes
            later.housingGrade = .d
            later.housingResolved = false
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household(), exited, rich, later]), on: db)
            let county = AreaCode("451224")!, township = Samples.village.ancestor(at: .township)!
            let plans = [ExitTarget(area: county, year: 2016, households: 3, persons: 9, villages: 1, countyExitYear: 2019),
                         ExitTarget(area: township, year: 2016, households: 2, persons: 6)]
            let before = try await StoreHarness.counts(db)["audit_events"]!
            let ctx = ServiceContext.commandLine(db: db)
            #expect(try await TargetService.load(plans, reason: "下达计划", in: ctx) == 2)
            #expect(try await TargetService.load(plans, reason: "again", in: ctx) == 0, "unchanged plans are not rewritten")
            var raised = plans[0]
            raised.households = 4
            #expect(try await TargetService.load([raised], reason: "调整", in: ctx) == 1)
            let audit = try await AuditQuery.search(.init(action: "target.plan"), scope: .everything, page: 1, perPage: 50, on: db).items
            #expect(try await StoreHarness.counts(db)["audit_events"]! == before + 3)
            let change = try #require(audit.first { $0.reason == "调整" })
            #expect(change.before?.contains("\"计划脱贫户数\":\"3\"") == true && change.after?.contains("\"计划脱贫户数\":\"4\"") == true)
            #expect(try await AuditVerifier.verify(on: db).isIntact)

            let (total, parts) = try await TargetService.progress(of: county, year: 2016, referenceDate: nil, in: ctx)
            #expect(total.target?.households == 4)
            #expect(total.exitedHouseholds == 1 && total.exitedPersons == 3)
            #expect(total.meetingNotExited == 1, "H0003 meets the standard but has not exited")
            #expect(total.notMeeting == 2 && total.pending.missing[.income] == 1 && total.pending.onlyMissing[.housing] == 1)
            #expect(total.outlook == "缺口 3 户，尚需 2 户达标")
            let byArea = Dictionary(uniqueKeysWithValues: parts.map { ($0.area, $0) })
            #expect(byArea[township]?.target?.households == 2 && byArea[township]?.exitedHouseholds == 1)
            #expect(byArea[Samples.otherVillage.ancestor(at: .township)!]?.meetingNotExited == 1)

            let quick = try await TargetStore.progress(of: county, year: 2016, on: db).total
            #expect(quick.exitedHouseholds == 1 && quick.pending.households == 0, "the store counts plans and exits; the exit test is the service's")
        }
    }
}
