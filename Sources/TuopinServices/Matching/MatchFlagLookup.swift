import Foundation
import TuopinDomain
import TuopinStore

/// One flag of the queue found by its key, for a verification or a hand-out, without matching the whole county again:
/// a department flag's key names the member (`rule|证件号码|record`), and a member's flags depend only on their own
/// records and household (and on whether the county's school roll is loaded), so they are matched for that household
/// alone. A paper-exit pattern (`pattern|户编号|year`) may weigh the village or the county, so its area is checked as the
/// queue checks it. A flag found 不属实 is not in the queue, and not found here either.
extension MatchService {
    struct FlagInQueue: Sendable {
        var flag: VerifiedFlag
        var area: AreaCode
        var county: AreaCode
        var decisions: [String: DepartmentStore.Decision]
        var mayDecide: Bool
    }

    static func flagInQueue(year: Int, key: String, area requested: AreaCode?, in ctx: ServiceContext) async throws -> FlagInQueue {
        try ctx.user.require(.readRegistry)
        let (area, county) = try ctx.countyOrTownship(requested)
        let decisions = try await DepartmentStore.decisions(county: county, on: ctx.db)
        let mayDecide = ctx.user.can(.runProcedures) && ctx.user.scope.includes(area) && ctx.user.role != .villageTeam
        guard decisions[key]?.outcome != "不属实" else { throw Refused.notFound("没有这个疑点", "no such flag") }
        var flag = try await departmentFlag(year: year, key: key, area: area, county: county, in: ctx)?.verified
        if flag == nil { flag = try await suspicions(year: year, area: area, in: ctx).found.first { $0.key == key }?.verified }
        guard let flag else { throw Refused.notFound("没有这个疑点", "no such flag") }
        return FlagInQueue(flag: flag, area: area, county: county, decisions: decisions, mayDecide: mayDecide)
    }

    /// The department flag under `key` when it is one and lies in `area`, matched for the member's household only.
    static func departmentFlag(year: Int, key: String, area: AreaCode, county: AreaCode, in ctx: ServiceContext) async throws -> DepartmentMatch.Flag? {
        let parts = key.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, DepartmentMatch.Rule(rawValue: String(parts[0])) != nil else { return nil }
        let idNumber = String(parts[1])
        guard let home = try await BenefitStore.home(holding: idNumber, county: county, file: ctx.registryFile, on: ctx.db),
              area.contains(home.village) else { return nil }
        let records = try await DepartmentStore.records(county: county, idNumbers: home.members.map(\.idNumber), on: ctx.db)
        let rolls = try await DepartmentStore.hasSchoolRoll(county: county, on: ctx.db)
        return ctx.matching.flags(records: records, homes: [home], year: year, asOf: ctx.today, schoolRolls: rolls).first { $0.key == key }
    }
}
