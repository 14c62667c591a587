import Foundation
import TuopinDomain
import TuopinStore

/// 脱贫标准核验 — the exit test over every household under an area for a year: the one implementation that
/// the `tuopin evaluate` command and the area's exit page both use.
public enum ExitService {
    /// Which households to test.
    public enum Households: String, Sendable, CaseIterable {
        case all
        /// No 脱贫年度.
        case notExited = "not-exited"
        case exited
        /// Not exited by the end of the year tested (no 脱贫年度, or a later one): a year's pending households.
        case pendingThatYear = "pending"

        func includes(_ h: Household, year: Int) -> Bool {
            switch self {
            case .all: true
            case .notExited: h.exitYear == nil
            case .exited: h.exitYear != nil
            case .pendingThatYear: h.exitYear.map { $0 > year } ?? true
            }
        }
    }

    /// One household tested.
    public struct Tested: Sendable {
        public var id: Household.ID
        public var household: Household
        public var verdict: ExitVerdict
    }

    /// The test's results summed for the whole area and for each area at the level asked for.
    public struct Tally: Sendable {
        public var year: Int
        public var referenceDate: LocalDate
        public var total = ExitTally()
        public var byArea: [AreaCode: ExitTally] = [:]
    }

    /// Tests every household under `area` (nil: all the actor sees) for `year`, on `referenceDate` (default 31
    /// December), summing by the areas at `groupLevel`; `each` receives each window of households with their
    /// verdicts as they come (the verdict file is written from it), `progress` the count so far.
    public static func evaluate(area requested: AreaCode?, year: Int, referenceDate: LocalDate? = nil, households: Households = .all,
                                groupLevel: AreaLevel, in ctx: ServiceContext,
                                each: (([Tested]) throws -> Void)? = nil,
                                progress: ((Int) -> Void)? = nil) async throws -> Tally {
        try ctx.user.require(.readRegistry)
        if let requested { try ctx.requireSight(of: requested) }
        let area = try ctx.area(requested)
        let year = try StandardsYear.check(year, in: ctx)
        let reference = referenceDate ?? .yearEnd(year)
        let standards = ctx.standards
        var tally = Tally(year: year, referenceDate: reference)
        try await HouseholdScan.forEach(area: area, incomeYears: [year], file: ctx.registryFile, on: ctx.db) { window in
            var tested: [Tested] = []
            tested.reserveCapacity(window.count)
            for s in window {
                let h = s.household
                guard households.includes(h, year: year) else { continue }
                let verdict = HouseholdExitTest.evaluate(h, year: year, referenceDate: reference, standard: standards)
                tally.total.add(verdict, persons: h.members.count)
                if let group = h.villageCode.ancestor(at: groupLevel) {
                    tally.byArea[group, default: ExitTally()].add(verdict, persons: h.members.count)
                }
                if each != nil { tested.append(Tested(id: s.id, household: h, verdict: verdict)) }
            }
            try each?(tested)
            progress?(tally.total.households)
        }
        return tally
    }

    /// The households behind a count: those under `area` whose verdict for `year` matches `filter`, one page
    /// of them (the whole list is kept until the registry changes, so that paging does not test again).
    public static func households(_ area: AreaCode, year: Int?, households: Households, filter: VerdictFilter, page: Int, perPage: Int,
                                  in ctx: ServiceContext) async throws -> (year: Int, page: Page<VerdictRow>) {
        let year = try StandardsYear.resolve(year, in: ctx)
        let all = try await list(area, year: year, households: households, filter: filter, in: ctx)
        let page = min(max(1, page), 1_000_000), perPage = min(max(1, perPage), 500)
        let start = min(all.count, (page - 1) * perPage)
        return (year, Page(items: Array(all[start..<min(all.count, start + perPage)]), total: all.count, page: page, perPage: perPage))
    }

    /// Every household behind a count (for a page of them, or a CSV of them).
    public static func list(_ area: AreaCode, year: Int, households: Households, filter: VerdictFilter,
                            in ctx: ServiceContext) async throws -> [VerdictRow] {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: area)
        let year = try StandardsYear.check(year, in: ctx)
        let scope = ctx.user.scope
        let unkept = ctx
        return try await ctx.reads.value("verdicts:\(scope):\(area.value):\(year):\(households.rawValue):\(filter)") {
            var rows: [VerdictRow] = []
            _ = try await evaluate(area: area, year: year, households: households, groupLevel: area.level, in: unkept, each: { tested in
                for t in tested where filter.matches(t.verdict) {
                    let h = t.household
                    rows.append(VerdictRow(id: t.id, number: h.number, head: h.head?.name ?? "", villageCode: h.villageCode,
                                           members: h.members.count, exitYear: h.exitYear, missing: t.verdict.missing,
                                           incomeUnrecorded: t.verdict.incomeUnrecorded))
                }
            })
            return rows
        }
    }

    /// The whole list behind a count, to file as CSV: it names households, so it needs the export permission and
    /// is recorded.
    public static func export(_ area: AreaCode, year: Int, households: Households, filter: VerdictFilter,
                              in ctx: ServiceContext) async throws -> [VerdictRow] {
        try ctx.user.require(.exportPersonalData)
        let rows = try await list(area, year: year, households: households, filter: filter, in: ctx)
        try await ctx.transaction { tx in
            try await tx.record(ExportEvent.householdList(area: area, rows: rows.count, what: "\(year)年\(filter.label)"))
        }
        return rows
    }

    /// The exit page of an area: the test summed by the areas one level down, with their names.
    public static func page(_ code: AreaCode, year: Int?, in ctx: ServiceContext) async throws -> (lineage: [Area], tally: Tally, names: [AreaCode: String]) {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: code)
        let year = try StandardsYear.resolve(year, in: ctx)
        let childLevel = AreaLevel(rawValue: min(code.level.rawValue + 1, AreaLevel.village.rawValue))!
        let lineage = try await AreaStore.lineage(code, on: ctx.db)
        let unkept = ctx
        let tally = try await ctx.reads.value("exit:\(ctx.user.scope):\(code.value):\(year)") {
            try await evaluate(area: code, year: year, groupLevel: childLevel, in: unkept)
        }
        let names = try await AreaStore.names(of: Array(tally.byArea.keys), on: ctx.db)
        return (lineage, tally, names)
    }
}
