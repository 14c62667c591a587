import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 贫困村登记 — each village's registered population, poor-village flag and exit year (kept by the county
/// office, on the village page or from a village file), and the incidence indicators that follow from them.
public enum VillageService {
    /// Every village under `area` (nil: all the actor sees) with its incidence at the end of `year`.
    public static func villages(under requested: AreaCode?, year: Int, in ctx: ServiceContext) async throws -> [VillageStore.VillageRow] {
        try ctx.user.require(.readRegistry)
        if let requested { try ctx.requireSight(of: requested) }
        return try await VillageStore.villages(under: try ctx.area(requested), year: year, standards: ctx.standards, on: ctx.db)
    }

    /// The village page's form: the fields as typed, checked by the village file's rules.
    public static func saveProfile(_ code: AreaCode, population: String, poorVillage: String, exitYear: String, reason: String,
                                   in ctx: ServiceContext) async throws {
        try ctx.user.require(.planTargets)
        guard code.level == .village else { throw Refused.noSuchArea(code) }
        try ctx.requireSight(of: code)
        guard !reason.isEmpty else { throw Refused(.invalid, "请写明修改原因", "give the reason for the change", field: "reason") }
        var source = ArrayRowSource([
            SourceRow(number: 1, cells: ["村代码", "户籍人口", "贫困村", "出列年度"]),
            SourceRow(number: 2, cells: [code.value, population, poorVillage, exitYear]),
        ])
        let read = VillageFileReader.read(&source, county: nil)
        guard !read.hasErrors, let profile = read.villages.first else {
            let faults = read.issues.map { "\($0.column)“\($0.value)”：\($0.message)" }.joined(separator: "；")
            throw Refused(.invalid, "村级信息未保存：\(faults)", "the village profile was not saved")
        }
        _ = try await load([profile], reason: reason, in: ctx)
    }

    /// Writes village profiles (from the page or a village file); returns how many villages changed.
    public static func load(_ profiles: [VillageProfile], reason: String, in ctx: ServiceContext) async throws -> Int {
        try ctx.user.require(.planTargets)
        for p in profiles { try ctx.requireSight(of: p.code) }
        return try await ctx.transaction { tx in
            let changes = try await VillageStore.apply(profiles, on: tx.db)
            try await tx.record(all: changes.map { VillageEvent.profileChanged($0.code, before: $0.before, after: $0.after, reason: reason) })
            return changes.count
        }
    }
}
