import Foundation
import TuopinDomain
import TuopinStore

/// 数字脱贫疑点 — the paper-exit patterns of a year over the registry's own figures (`PaperExitPatterns`).
extension MatchService {
    public struct Suspicions: Sendable {
        public var year: Int
        public var area: AreaCode
        /// Open and 属实 suspicions (不属实 ones are kept out).
        public var found: [PaperExitPatterns.Suspicion]
        public var dismissed = 0

        /// `tuopin suspicions --format csv`: 户编号,模式,分值,说明.
        public var table: [[String]] {
            [["户编号", "模式", "分值", "说明"]] + found.map { [$0.number, $0.pattern.rawValue, String($0.score), $0.explanation] }
        }
    }

    /// What backs a household's income in `year`: its payments on the benefit ledger and the projects (any year up to
    /// it) that name it.
    static func backing(county: AreaCode, year: Int, in ctx: ServiceContext) async throws -> PaperExitPatterns.Backing {
        let paid = Set(try await BenefitStore.payments(county: county, year: year, file: ctx.registryFile, on: ctx.db).compactMap(\.household))
        let projects = try await ProjectStore.list(area: county, limit: 100_000, on: ctx.db).filter { $0.year <= year }
        return PaperExitPatterns.Backing(benefits: paid, projects: Set(projects.flatMap(\.households)))
    }

    public static func suspicions(year: Int, area requested: AreaCode?, in ctx: ServiceContext) async throws -> Suspicions {
        try ctx.user.require(.readRegistry)
        let area = try ctx.countyOrTownship(requested).area
        var households: [(Household.ID, Household)] = []
        try await HouseholdScan.forEach(area: area, incomeYears: [year - 1, year], file: ctx.registryFile, on: ctx.db) { window in
            households += window.map { ($0.id, $0.household) }
        }
        let county = area.level == .county ? area : area.ancestor(at: .county) ?? area
        var all = PaperExitPatterns.evaluate(households, year: year, standard: ctx.standards,
                                             backing: try await backing(county: county, year: year, in: ctx))
        // (d) elderly or disabled members split off before the exit (the registry's history in the audit trail).
        let history = try await HouseholdHistoryStore.history(under: area, exitYear: year, on: ctx.db)
        all += PaperExitPatterns.splits(households, moves: history.moves, exits: history.exits, year: year, standard: ctx.standards)
        // (f) exit-year figures, the exit or the members changed after the exit was announced.
        let known = Dictionary(households.map { ($0.0, (number: $0.1.number, village: $0.1.villageCode, exitYear: $0.1.exitYear)) }, uniquingKeysWith: { a, _ in a })
        all += PaperExitPatterns.amendedAfterExit(try await HouseholdHistoryStore.amendedAfterExit(under: area, on: ctx.db), known: known, year: year)
        // (f) edits in a burst before the year's assessments (evaluations of the year set up for the county).
        let assessments = try await EvaluationStore.list(under: county, on: ctx.db).filter { $0.year == year }.map { (name: $0.title, date: $0.created) }
        if let first = assessments.map(\.date).min(), let last = assessments.map(\.date).max() {
            let edits = try await RecordEditStore.edits(under: area, from: first.adding(days: -31).start(), to: last.adding(days: 1).start(), on: ctx.db)
            all += PaperExitPatterns.bursts(edits, assessments: assessments, known: known.mapValues { (number: $0.number, village: $0.village) }, year: year)
        }
        let decisions = try await DepartmentStore.decisions(county: county, on: ctx.db)
        let kept = all.filter { decisions[$0.key]?.outcome != "不属实" }
        return Suspicions(year: year, area: area, found: kept, dismissed: all.count - kept.count)
    }
}
