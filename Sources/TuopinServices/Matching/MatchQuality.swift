import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 数据质量 — the validation rules (`DataQualityCheck`) over every household of an area: the findings, and their
/// counts by rule and by village, for the report page, its CSV and the area pages.
extension MatchService {
    public struct Quality: Sendable {
        public var area: AreaCode
        public var households: Int
        public var findings: [DataQualityCheck.Finding]

        public var byRule: [DataQualityCheck.Rule: Int] { Dictionary(grouping: findings, by: \.rule).mapValues(\.count) }
        public var byVillage: [AreaCode: Int] { Dictionary(grouping: findings, by: \.village).mapValues(\.count) }
        /// Households with at least one finding.
        public var flagged: Int { Set(findings.map(\.household)).count }

        /// `tuopin quality --format csv`: 户编号,村代码,规则,成员,说明.
        public var table: [[String]] {
            [["户编号", "村代码", "规则", "成员", "说明"]] + findings.map { [$0.number, $0.village.value, $0.rule.rawValue, $0.member, $0.explanation] }
        }
    }

    /// `elsewhere`: the members of other counties' registry files by ID number (`tuopin quality --other-registry`),
    /// for the rule 同一人登记在两个县.
    public static func quality(area requested: AreaCode?, elsewhere: [String: DataQualityCheck.Elsewhere] = [:], in ctx: ServiceContext) async throws -> Quality {
        try ctx.user.require(.readRegistry)
        guard let area = try ctx.area(requested) ?? requested ?? ctx.user.area else {
            throw Refused(.badRequest, "请指定区划（area）", "name the area", field: "area")
        }
        var findings: [DataQualityCheck.Finding] = [], households = 0
        try await HouseholdScan.forEach(area: area, incomeYears: Array(2013...max(2013, ctx.today.year)), file: ctx.registryFile, on: ctx.db) { window in
            households += window.count
            for s in window {
                findings += DataQualityCheck.evaluate(s.id, s.household)
                findings += DataQualityCheck.registeredElsewhere(s.id, s.household, in: elsewhere)
            }
        }
        return Quality(area: area, households: households,
                       findings: findings.sorted { ($0.number, $0.rule.rawValue, $0.member) < ($1.number, $1.rule.rawValue, $1.member) })
    }

    /// Other counties' registry files (exported by another deployment, in the import format): their members by ID
    /// number with the household holding each. A file that cannot be read or has errors gives its errors in `faults`
    /// (by file name) and none of its members.
    public static func elsewhere(_ urls: [URL], today: LocalDate) -> (found: [String: DataQualityCheck.Elsewhere], faults: [(file: String, issues: [ImportIssue])]) {
        var found: [String: DataQualityCheck.Elsewhere] = [:]
        var faults: [(file: String, issues: [ImportIssue])] = []
        for url in urls {
            let read = RegistryFileReader.read(url, options: RegistryReadOptions(today: today, regionHistory: DivisionCatalog.regionHistory))
            guard !read.hasErrors else {
                faults.append((url.lastPathComponent, read.issues.filter { $0.severity == .error }))
                continue
            }
            for h in read.households {
                for m in h.members { found[m.id.number] = DataQualityCheck.Elsewhere(number: h.number, village: h.villageCode, source: url.lastPathComponent) }
            }
        }
        return (found, faults)
    }
}
