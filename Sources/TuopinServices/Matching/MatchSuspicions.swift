import Foundation
import TuopinDomain
import TuopinStore

/// 数字脱贫疑点 — the paper-exit patterns of a year over the registry's own figures (`PaperExitPatterns`).
extension MatchService {
    public struct Suspicions: Sendable {
        public var year: Int
        public var area: AreaCode
        public var found: [PaperExitPatterns.Suspicion]

        /// `tuopin suspicions --format csv`: 户编号,模式,分值,说明.
        public var table: [[String]] {
            [["户编号", "模式", "分值", "说明"]] + found.map { [$0.number, $0.pattern.rawValue, String($0.score), $0.explanation] }
        }
    }

    public static func suspicions(year: Int, area requested: AreaCode?, in ctx: ServiceContext) async throws -> Suspicions {
        try ctx.user.require(.readRegistry)
        let area = try ctx.countyOrTownship(requested).area
        var households: [(Household.ID, Household)] = []
        try await HouseholdScan.forEach(area: area, incomeYears: [year - 1, year], file: ctx.registryFile, on: ctx.db) { window in
            households += window.map { ($0.id, $0.household) }
        }
        return Suspicions(year: year, area: area, found: PaperExitPatterns.evaluate(households, year: year, standard: ctx.standards))
    }
}
