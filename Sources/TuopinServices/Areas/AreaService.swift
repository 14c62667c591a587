import Foundation
import TuopinDomain
import TuopinStore

/// 区划 — the area tree and an area's page: its counts, the areas under it, one page of its households, the
/// exit indicators and the year's plan. Each part is kept until the registry changes (`ctx.reads`).
public enum AreaService {
    /// What an area's page shows.
    public struct AreaPage: Sendable {
        public var lineage: [Area]
        public var node: AreaNode
        public var households: Page<HouseholdSummary>
        /// 贫困发生率 at the end of `year` (villages and the areas above them).
        public var incidence: IncidenceIndicator?
        public var year: Int
        /// 贫困村登记 of a village.
        public var village: VillageStore.VillageRow?
        /// 减贫计划 of `year` against exits (areas above villages).
        public var targets: TargetProgress?
        /// The areas one level down: plan, exits and the exit test of the pending households (areas above villages).
        public var parts: [TargetProgress] = []
        /// The villages under the area with their incidence at the end of `year`.
        public var villages: [VillageStore.VillageRow] = []
        /// The years one may choose.
        public var years: [Int] = []
    }

    /// 当前工作年度 — the year pages open on: the latest year the registry holds exits, incomes or plans for,
    /// no later than this year nor than the standards' last line.
    public static func workYear(in ctx: ServiceContext) async throws -> Int {
        let db = ctx.db
        let latest = try await ctx.reads.value("work-year") { try await RegistryYears.latest(on: db) }
        let last = ctx.standards.lines.keys.max() ?? ctx.today.year
        return min(latest ?? last, last, ctx.today.year)
    }

    /// Every area the actor sees that holds households, from the top down.
    public static func tree(in ctx: ServiceContext) async throws -> [AreaNode] {
        try ctx.user.require(.readRegistry)
        let scope = ctx.user.scope, db = ctx.db
        return try await ctx.reads.value("tree:\(scope)") { try await AreaSummaryQuery.tree(scope: scope, on: db) }
    }

    /// An area with its counts and the areas one level down.
    public static func node(_ code: AreaCode, in ctx: ServiceContext) async throws -> (lineage: [Area], node: AreaNode) {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: code)
        let scope = ctx.user.scope, db = ctx.db
        let areas = try await ctx.reads.value("lineage:\(code.value)") { try await AreaStore.lineage(code, on: db) }
        guard let area = areas.last, area.code == code else { throw Refused.noSuchArea(code) }
        let summary = try await ctx.reads.value("summary:\(code.value)") { try await AreaSummaryQuery.summary(of: code, scope: scope, on: db) }
        let node = summary ?? AreaNode(area: area, counts: AreaCounts())
        return (areas, AreaNode(area: area, counts: node.counts, children: node.children))
    }

    /// An area's counts from the summary tables, and those of the areas one level down (nil: no households).
    public static func summary(_ code: AreaCode, in ctx: ServiceContext) async throws -> AreaNode? {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: code)
        return try await AreaSummaryQuery.summary(of: code, scope: ctx.user.scope, on: ctx.db)
    }

    /// One page of the households under an area that match the filter.
    public static func households(_ code: AreaCode, filter: HouseholdFilter, page: Int, perPage: Int,
                                  in ctx: ServiceContext) async throws -> Page<HouseholdSummary> {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: code)
        let scope = ctx.user.scope, db = ctx.db
        return try await ctx.reads.value("households:\(scope):\(code.value):\(filter):\(page):\(perPage)") {
            try await HouseholdListQuery.page(filter, scope: scope, page: page, perPage: perPage, on: db)
        }
    }

    /// An area's page for `year` (default: the work year).
    public static func page(_ code: AreaCode, year requested: Int? = nil, filter: HouseholdFilter, page: Int, perPage: Int,
                            in ctx: ServiceContext) async throws -> AreaPage {
        let (lineage, node) = try await self.node(code, in: ctx)
        let households = try await self.households(code, filter: filter, page: page, perPage: perPage, in: ctx)
        let standards = ctx.standards, db = ctx.db, scope = ctx.user.scope
        let year: Int
        if let requested { year = try StandardsYear.check(requested, in: ctx) } else { year = try await workYear(in: ctx) }
        let villages = try await ctx.reads.value("villages:\(code.value):\(year)") {
            try await VillageStore.villages(under: code, year: year, standards: standards, on: db)
        }
        var result = AreaPage(lineage: lineage, node: node, households: households, year: year)
        result.years = standards.lines.keys.filter { $0 >= 2014 }.sorted()
        result.villages = villages.filter { $0.code.level == .village && $0.code != code }
        result.incidence = VillageStore.incidence(of: code, rows: villages,
                                                  threshold: code.level == .county ? standards.countyIncidence : standards.villageIncidence,
                                                  standards: standards)
        if code.level == .village { result.village = villages.first { $0.code == code } }
        if code.level < .village {
            let unkept = ctx
            let progress = try await ctx.reads.value("progress:\(scope):\(code.value):\(year)") {
                try await TargetService.progress(of: code, year: year, referenceDate: nil, in: unkept)
            }
            result.targets = progress.total
            result.parts = progress.parts.filter { $0.area != code }
        }
        return result
    }

    /// The area a viewer starts from: their own, or for the whole registry its first top area (nil: none yet).
    public static func home(in ctx: ServiceContext) async throws -> AreaCode? {
        try ctx.user.require(.readRegistry)
        switch ctx.user.scope {
        case .area(let a): return a
        case .nothing: return nil
        case .everything: return try await tree(in: ctx).first?.area.code
        }
    }

    /// The counties that hold households or plans (every county, for a report over the whole registry).
    public static func counties(in ctx: ServiceContext) async throws -> [AreaCode] {
        try ctx.user.require(.readRegistry)
        return try await AreaStore.countiesWithHouseholds(on: ctx.db).filter(ctx.user.scope.includes)
    }

    /// Names of areas, by code.
    public static func names(of codes: [AreaCode], in ctx: ServiceContext) async throws -> [AreaCode: String] {
        try await AreaStore.names(of: codes, on: ctx.db)
    }
}
