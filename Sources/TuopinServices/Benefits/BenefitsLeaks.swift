import Foundation
import TuopinDomain
import TuopinStore

/// 防漏疑点 — the year's flags for a county (or part of it) with the county's decisions, and a decision taken.
extension BenefitsService {
    public struct Queue: Sendable {
        public var county: AreaCode
        public var area: AreaCode
        public var year: Int
        public var flags: [LeakCheck.Flag]
        public var decisions: [String: BenefitStore.Decision]
        public var names: [String: String]
        public var mayDecide: Bool

        public var open: Int { flags.filter { decisions[$0.key] == nil }.count }

        /// `tuopin leaks --format csv`: 户编号,证件号码,政策,规则,金额,说明 (and the decision when there is one).
        public var table: [[String]] {
            [["户编号", "证件号码", "政策", "规则", "金额", "说明", "核实结论"]] + flags.map { f in
                [f.householdNumber, f.idNumber, names[f.policy] ?? f.policy, f.rule.rawValue, f.amount.plainYuan, f.note, decisions[f.key]?.outcome ?? ""]
            }
        }
    }

    public static func leaks(year: Int, area requested: AreaCode?, in ctx: ServiceContext) async throws -> Queue {
        try ctx.user.require(.readRegistry)
        let (area, county) = try ctx.countyOrTownship(requested)
        let payments = try await BenefitStore.payments(county: county, year: year, file: ctx.registryFile, on: ctx.db)
        let homes = try await BenefitStore.homes(under: county, file: ctx.registryFile, on: ctx.db)
        // The departments' death and move-out records (信息比对), where loaded.
        var deaths: [String: LocalDate] = [:], moves: [String: LocalDate] = [:]
        for r in try await DepartmentStore.records(county: county, kinds: [.deaths, .moves], file: ctx.registryFile, on: ctx.db) {
            guard let d = r.date else { continue }
            if r.kind == .deaths { deaths[r.idNumber] = min(deaths[r.idNumber] ?? d, d) } else { moves[r.idNumber] = min(moves[r.idNumber] ?? d, d) }
        }
        var flags = LeakCheck.evaluate(year: year, payments: payments, homes: homes, policies: ctx.benefits, deaths: deaths, moves: moves,
                                       officials: try await officials(county: county, homes: homes, in: ctx))
        if area != county { flags = flags.filter { $0.village.map { area.contains($0) } ?? false } }
        return Queue(county: county, area: area, year: year, flags: flags, decisions: try await BenefitStore.decisions(county: county, year: year, on: ctx.db),
                     names: Dictionary(uniqueKeysWithValues: ctx.benefits.policies.map { ($0.key, $0.name) }),
                     mayDecide: ctx.user.can(.manageFunds) && ctx.user.scope.includes(county))
    }

    /// The recipients tied to the public payroll: the finance department's 财政供养人员 (信息比对) and the cadres whose
    /// ID number the county recorded, and their household members in the registry and in the household-registration roster.
    static func officials(county: AreaCode, homes: [LeakCheck.Home], in ctx: ServiceContext) async throws -> [String: OfficialTie] {
        let payroll = try await DepartmentStore.records(county: county, kinds: [.payroll], file: ctx.registryFile, on: ctx.db)
        let cadres = try await CadreStore.withIDNumbers(on: ctx.db)
        guard !payroll.isEmpty || !cadres.isEmpty else { return [:] }
        let officials = payroll.map { OfficialTie(name: $0.name, idNumber: $0.idNumber, unit: $0.fields["单位"] ?? "", kin: false) }
            + cadres.compactMap { c in c.idNumber.map { OfficialTie(name: c.name, idNumber: $0, unit: c.unit, title: "干部", kin: false) } }
        let households = homes.map { $0.members.map(\.idNumber) }
            + (try await RosterStore.households(county: county, holding: officials.map(\.idNumber), on: ctx.db))
        return OfficialTie.ties(officials: officials, households: households)
    }

    /// 核实 — the county office records its decision on a flag (again replaces, and the trail keeps both).
    public static func decide(year: Int, key: String, outcome text: String, reason: String, county: AreaCode?, in ctx: ServiceContext) async throws -> FormResult<LeakCheck.Flag> {
        let county = try ctx.managedCounty(county)
        try ctx.user.require(.readRegistry)
        // The person's household alone (`leakFlag`); the county's whole check only if that finds nothing.
        var found = try await leakFlag(year: year, key: key, county: county, in: ctx)
        if found == nil { found = try await leaks(year: year, area: county, in: ctx).flags.first { $0.key == key } }
        guard let flag = found else { throw Refused.notFound("没有这个疑点（可能已不再成立）", "no such flag") }
        var faults: [String: String] = [:]
        let outcome = LeakOutcome.parse(text)
        if outcome == nil { faults["outcome"] = "请选择核实结论 / choose the outcome" }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if why.count < 4 || why.count > 300 { faults["reason"] = "请写明核实情况（4–300字） / the reason, 4–300 characters" }
        else if let f = TextRule.fault(why, .freeText) { faults["reason"] = f }
        guard faults.isEmpty, let outcome else { return .rejected(FormRejection(faults: faults)) }
        let before = try await BenefitStore.decisions(county: county, year: year, on: ctx.db)[key]?.outcome
        try await ctx.transaction { tx in
            try await BenefitStore.decide(flag, .init(key: key, outcome: outcome.rawValue, reason: why, date: tx.today, username: tx.user.username),
                                          county: county, on: tx.db)
            try await tx.record(BenefitsEvent.decided(flag, outcome: outcome, reason: why, before: before))
        }
        return .done(flag)
    }
}
