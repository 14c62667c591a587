import Foundation
import TuopinDomain
import TuopinStore

/// 本户疑点 — what the checks raise on one household, for its page: the department flags of its members and the
/// paper-exit patterns of its exit year not found 不属实, and its data-quality findings. Judged for the year its
/// record speaks for (its latest income year), as the reports are.
extension MatchService {
    public struct HouseholdFlags: Sendable {
        public var year: Int
        public var department: [DepartmentMatch.Flag]
        public var patterns: [PaperExitPatterns.Suspicion]
        public var quality: [DataQualityCheck.Finding]
        /// The decisions already recorded (属实 flags stay listed with theirs).
        public var decisions: [String: DepartmentStore.Decision]
        public var assignments: [String: DepartmentStore.Assignment] = [:]
        public var isEmpty: Bool { department.isEmpty && patterns.isEmpty && quality.isEmpty }
    }

    /// Nil for a role that does not see the checks (an evaluator sees only what its interviews need).
    public static func flags(of id: Household.ID, _ h: Household, in ctx: ServiceContext) async throws -> HouseholdFlags? {
        guard ctx.user.can(.readRegistry), ctx.user.role != .evaluator, ctx.user.role != .cadre,
              let county = h.villageCode.ancestor(at: .county) else { return nil }
        let year = DataQualityCheck.referenceYear(h)
        let home = LeakCheck.Home(id: id, number: h.number, village: h.villageCode, exitYear: h.exitYear, housing: h.housingGrade,
                                  housingResolved: h.housingResolved ?? false,
                                  members: h.members.map { .init(idNumber: $0.id.number, birth: $0.birthDate, schooling: $0.schooling, name: $0.name) })
        let records = try await DepartmentStore.records(county: county, idNumbers: home.members.map(\.idNumber), on: ctx.db)
        let rolls = try await DepartmentStore.hasSchoolRoll(county: county, on: ctx.db)
        let decisions = try await DepartmentStore.decisions(county: county, on: ctx.db)
        let department = ctx.matching.flags(records: records, homes: [home], year: year, asOf: ctx.today, schoolRolls: rolls)
            .filter { decisions[$0.key]?.outcome != "不属实" }
        var patterns = h.exitYear.map { PaperExitPatterns.evaluate([(id, h)], year: $0, standard: ctx.standards) } ?? []
        if let exit = h.exitYear { patterns += try await historyPatterns(of: id, h, exitYear: exit, in: ctx) }
        var flags = HouseholdFlags(year: year, department: department, patterns: patterns.filter { decisions[$0.key]?.outcome != "不属实" },
                                   quality: DataQualityCheck.evaluate(id, h), decisions: decisions)
        flags.assignments = try await DepartmentStore.assignments(county: county, on: ctx.db)
        return flags
    }

    /// (d) and (f) for one household: its village's history in the audit trail (the members split off are looked for
    /// in the village's households).
    static func historyPatterns(of id: Household.ID, _ h: Household, exitYear: Int, in ctx: ServiceContext) async throws -> [PaperExitPatterns.Suspicion] {
        let history = try await HouseholdHistoryStore.history(under: h.villageCode, exitYear: exitYear, on: ctx.db)
        var found: [PaperExitPatterns.Suspicion] = []
        if history.moves.contains(where: { $0.from == id }) {
            var village: [(Household.ID, Household)] = []
            try await HouseholdScan.forEach(area: h.villageCode, incomeYears: [exitYear], file: ctx.registryFile, on: ctx.db) { window in
                village += window.map { ($0.id, $0.household) }
            }
            found += PaperExitPatterns.splits([(id, h)] + village.filter { $0.0 != id }, moves: history.moves.filter { $0.from == id },
                                              exits: history.exits, year: exitYear, standard: ctx.standards)
        }
        let amended = try await HouseholdHistoryStore.amendedAfterExit(under: h.villageCode, on: ctx.db).filter { $0.household == id }
        return found + PaperExitPatterns.amendedAfterExit(amended, known: [id: (h.number, h.villageCode, h.exitYear)], year: exitYear)
    }

    /// 交办给我的疑点 — the flags the county handed to this cadre (as 帮扶责任人) and not yet verified.
    public static func assigned(to cadre: Cadre.ID, in ctx: ServiceContext) async throws -> [(rule: String, household: Household.ID, date: LocalDate)] {
        try await DepartmentStore.assigned(to: cadre, on: ctx.db)
    }
}
