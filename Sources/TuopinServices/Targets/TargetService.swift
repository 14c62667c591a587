import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 挂图作战 — an area's yearly plan against progress: exits so far, and of the households not yet exited,
/// how many meet the standard (only the procedure left) and what the rest miss; plans set on the page or
/// loaded from a file by the county office.
public enum TargetService {
    /// An area's plan and progress, with the areas one level down.
    public struct Progress: Sendable {
        public var area: Area
        public var lineage: [Area]
        public var year: Int
        public var total: TargetProgress
        public var parts: [TargetProgress]
        public var names: [AreaCode: String]
    }

    /// The targets page of an area above the villages, for `year` (default: the latest the standards have).
    public static func progress(_ code: AreaCode, year: Int?, in ctx: ServiceContext) async throws -> Progress {
        try ctx.user.require(.readRegistry)
        guard code.level < .village else { throw Refused.noSuchArea(code) }
        try ctx.requireSight(of: code)
        let year = try StandardsYear.resolve(year, in: ctx)
        let lineage = try await AreaStore.lineage(code, on: ctx.db)
        guard let area = lineage.last, area.code == code else { throw Refused.noSuchArea(code) }
        // Kept until the registry changes, under the key the area page uses too.
        let unkept = ctx
        let (total, parts) = try await ctx.reads.value("progress:\(ctx.user.scope):\(code.value):\(year)") {
            try await progress(of: code, year: year, referenceDate: nil, in: unkept)
        }
        let names = try await AreaStore.names(of: parts.map(\.area) + [code], on: ctx.db)
        return Progress(area: area, lineage: lineage, year: year, total: total, parts: parts, names: names)
    }

    /// Plans, exits and the exit test of the pending households, for `area` and the areas one level down.
    public static func progress(of area: AreaCode, year: Int, referenceDate: LocalDate?,
                                in ctx: ServiceContext) async throws -> (total: TargetProgress, parts: [TargetProgress]) {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: area)
        var (total, list) = try await TargetStore.progress(of: area, year: year, on: ctx.db)
        let childLevel = AreaLevel(rawValue: min(area.level.rawValue + 1, AreaLevel.village.rawValue))!
        let tested = try await ExitService.evaluate(area: area, year: year, referenceDate: referenceDate, households: .pendingThatYear,
                                                    groupLevel: childLevel, in: ctx)
        var parts = Dictionary(uniqueKeysWithValues: list.map { ($0.area, $0) })
        for (code, tally) in tested.byArea {
            var p = parts[code] ?? TargetProgress(area: code, year: year)
            p.pending = tally
            parts[code] = p
        }
        total.pending = tested.total
        list = parts.values.sorted { $0.area < $1.area }
        return (total, list)
    }

    /// 下达减贫计划 on the page: one line per area (households, persons, villages, the county's exit year),
    /// checked by the targets file's own rules. Returns how many plans changed.
    public static func plan(_ code: AreaCode, year: Int, lines: [AreaCode: [String]], reason: String,
                            in ctx: ServiceContext) async throws -> FormResult<Int> {
        try ctx.user.require(.planTargets)
        try ctx.requireSight(of: code)
        // The form's lines become rows of a targets file, so the file's rules check them.
        var rows = [SourceRow(number: 1, cells: ["区划代码", "年度", "计划脱贫户数", "计划脱贫人数", "计划出列村数", "计划摘帽年度"])]
        var areaOfRow: [Int: AreaCode] = [:]
        for (area, cells) in lines.sorted(by: { $0.key < $1.key }) where cells.contains(where: { !$0.isEmpty }) {
            guard area == code || code.contains(area) else { throw Refused.noSuchArea(area) }
            areaOfRow[rows.count + 1] = area
            rows.append(SourceRow(number: rows.count + 1, cells: [area.value, String(year)] + cells))
        }
        var source = ArrayRowSource(rows)
        let read = TargetFileReader.read(&source, county: code.level >= .county ? code.ancestor(at: .county) : nil)
        var faults: [String: String] = [:]
        let fields = ["计划脱贫户数": "h", "计划脱贫人数": "p", "计划出列村数": "v", "计划摘帽年度": "y"]
        for issue in read.issues where issue.severity == .error {
            if let row = issue.row, let area = areaOfRow[row], let field = fields[issue.column] {
                faults["\(field)_\(area.value)"] = issue.message
            } else {
                faults["form"] = issue.message
            }
        }
        if reason.isEmpty { faults["reason"] = "请写明原因 / give the reason" }
        if read.targets.isEmpty && faults.isEmpty { faults["form"] = "没有填写任何计划 / no plan was filled in" }
        guard faults.isEmpty else { return .rejected(FormRejection(faults: faults)) }
        return .done(try await load(read.targets, reason: reason, in: ctx))
    }

    /// Writes plans (from the page or a targets file); returns how many changed.
    public static func load(_ targets: [ExitTarget], reason: String, in ctx: ServiceContext) async throws -> Int {
        try ctx.user.require(.planTargets)
        for t in targets { try ctx.requireSight(of: t.area) }
        return try await ctx.transaction { tx in
            let changed = try await TargetStore.apply(targets, now: tx.now, on: tx.db)
            try await tx.record(all: changed.map { TargetEvent.planned($0.plan, before: $0.before, reason: reason) })
            return changed.count
        }
    }
}
