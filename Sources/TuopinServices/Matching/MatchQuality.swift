import Foundation
import TuopinDomain
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

    public static func quality(area requested: AreaCode?, in ctx: ServiceContext) async throws -> Quality {
        try ctx.user.require(.readRegistry)
        guard let area = try ctx.area(requested) ?? requested ?? ctx.user.area else {
            throw Refused(.badRequest, "请指定区划（area）", "name the area", field: "area")
        }
        var findings: [DataQualityCheck.Finding] = [], households = 0
        try await HouseholdScan.forEach(area: area, incomeYears: Array(2013...max(2013, ctx.today.year)), file: ctx.registryFile, on: ctx.db) { window in
            households += window.count
            for s in window { findings += DataQualityCheck.evaluate(s.id, s.household) }
        }
        return Quality(area: area, households: households,
                       findings: findings.sorted { ($0.number, $0.rule.rawValue, $0.member) < ($1.number, $1.rule.rawValue, $1.member) })
    }
}
