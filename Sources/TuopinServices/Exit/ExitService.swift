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
                                each: (([(household: Household, verdict: ExitVerdict)]) throws -> Void)? = nil,
                                progress: ((Int) -> Void)? = nil) async throws -> Tally {
        try ctx.user.require(.readRegistry)
        if let requested { try ctx.requireSight(of: requested) }
        let area = try ctx.area(requested)
        let year = try StandardsYear.check(year, in: ctx)
        let reference = referenceDate ?? .yearEnd(year)
        let standards = ctx.standards
        var tally = Tally(year: year, referenceDate: reference)
        try await HouseholdScan.forEach(area: area, incomeYears: [year], file: ctx.registryFile, on: ctx.db) { window in
            var tested: [(household: Household, verdict: ExitVerdict)] = []
            tested.reserveCapacity(window.count)
            for s in window {
                let h = s.household
                guard households.includes(h, year: year) else { continue }
                let verdict = HouseholdExitTest.evaluate(h, year: year, referenceDate: reference, standard: standards)
                tally.total.add(verdict, persons: h.members.count)
                if let group = h.villageCode.ancestor(at: groupLevel) {
                    tally.byArea[group, default: ExitTally()].add(verdict, persons: h.members.count)
                }
                if each != nil { tested.append((h, verdict)) }
            }
            try each?(tested)
            progress?(tally.total.households)
        }
        return tally
    }

    /// The exit page of an area: the test summed by the areas one level down, with their names.
    public static func page(_ code: AreaCode, year: Int?, in ctx: ServiceContext) async throws -> (lineage: [Area], tally: Tally, names: [AreaCode: String]) {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: code)
        let year = try StandardsYear.resolve(year, in: ctx)
        let childLevel = AreaLevel(rawValue: min(code.level.rawValue + 1, AreaLevel.village.rawValue))!
        let lineage = try await AreaStore.lineage(code, on: ctx.db)
        let tally = try await evaluate(area: code, year: year, groupLevel: childLevel, in: ctx)
        let names = try await AreaStore.names(of: Array(tally.byArea.keys), on: ctx.db)
        return (lineage, tally, names)
    }
}
