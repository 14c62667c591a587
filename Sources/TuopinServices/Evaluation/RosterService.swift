import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 户籍人口名单 — a county's household-registration roster loaded whole (all or nothing; it replaces the one
/// before): each person linked to the registered household whose member has the same ID, the rest kept as
/// 卡外户 for the evaluations' 漏评 stratum and the population of 综合贫困发生率.
public enum RosterService {
    public static func load(_ read: RosterFileReader.Result, file: URL, county requested: AreaCode?, dryRun: Bool,
                            in ctx: ServiceContext) async throws -> FileLoadOutcome {
        try ctx.user.require(.manageEvaluations)
        let county = try self.county(requested, ctx)
        var issues = read.issues
        let villages = Array(Set(read.persons.map(\.village)))
        let known = try await AreaStore.names(of: villages, on: ctx.db)
        var reported: Set<AreaCode> = []
        for (i, p) in read.persons.enumerated() where !county.contains(p.village) || known[p.village] == nil {
            guard reported.insert(p.village).inserted else { continue }
            let why = county.contains(p.village) ? "区划中没有这个村 / no such village in the divisions" : "不在本县 \(county.countyPart) / not in the county"
            issues.append(ImportIssue(row: i + 2, column: "村代码", value: p.village.value, severity: .error, message: why))
        }
        guard !issues.contains(where: { $0.severity == .error }) else { return .init(issues: issues, rows: read.persons.count, changed: 0, written: false) }
        let members = try await BenefitStore.members(county: county, file: ctx.registryFile, on: ctx.db)
        let linked = read.persons.filter { members[$0.idNumber] != nil }.count
        var households: [String: Bool] = [:]
        for p in read.persons { households[p.householdNumber] = (households[p.householdNumber] ?? false) || members[p.idNumber] != nil }
        let outside = households.values.filter { !$0 }.count
        let onRegister = Set(members.keys), onRoster = Set(read.persons.map(\.idNumber))
        let absent = onRegister.subtracting(onRoster).count
        if absent > 0 {
            issues.append(ImportIssue(row: nil, column: "证件号码", value: String(absent), severity: .warning,
                                      message: "\(absent) 名建档立卡人员不在户籍名单中 / registered persons missing from the roster"))
        }
        guard !dryRun else { return .init(issues: issues, rows: read.persons.count, changed: linked, written: false) }
        let digest = try BenefitStore.digest(file), householdCount = households.count
        try await ctx.transaction { tx in
            let before = try await RosterStore.count(county: county, on: tx.db)
            try await RosterStore.replace(county: county, with: read.persons, registered: members, on: tx.db)
            try await tx.record(RosterEvent.imported(file: file.lastPathComponent, digest: digest, persons: read.persons.count, households: householdCount,
                                                     outside: outside, replaced: before, county: county))
        }
        return .init(issues: issues, rows: read.persons.count, changed: linked, written: true)
    }

    static func county(_ requested: AreaCode?, _ ctx: ServiceContext) throws -> AreaCode {
        if let requested {
            guard requested.level == .county, ctx.user.scope.includes(requested) else { throw Refused.noSuchArea(requested) }
            return requested
        }
        if case .area(let a) = ctx.user.scope, a.level == .county { return a }
        throw Refused(.badRequest, "请指定县（--county） / name the county", "name the county", field: "county")
    }
}
