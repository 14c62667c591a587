import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// `tuopin import-problems` — a problem list handed down, checked whole against the registry and the
/// responsibility chain (the area, the unit, the person, the households; faults by row and column, as the
/// reader's), and written in one transaction only if nothing is wrong. Each problem starts its own loop:
/// 整改中 when it names its unit, 待认领 otherwise; its deadline, when the file gives none, by its severity.
extension SupervisionService {
    public static func importProblems(_ read: ProblemFileReader.Result, county: AreaCode?, dryRun: Bool,
                                      in ctx: ServiceContext) async throws -> FileLoadOutcome {
        // The server's operator loads what the county office hands over; on a page only those who list problems may.
        if !ctx.onCommandLine { try ctx.user.require(.writeFindings) }
        if let county { try ctx.requireSight(of: county) }
        var issues = read.issues
        guard !read.hasErrors else { return .init(issues: issues, rows: read.entries.count, changed: 0, written: false) }
        let areas = try await AreaStore.names(of: Array(Set(read.entries.map(\.area))), on: ctx.db)
        let cadres = try await CadreStore.byPhone(on: ctx.db)
        let byName = Dictionary(grouping: cadres.values, by: \.name)
        let units = Set(cadres.values.map(\.unit)).union(try await ProblemStore.units(on: ctx.db))
        var problems: [Problem] = []
        for e in read.entries {
            func fail(_ column: String, _ value: String, _ message: String) {
                issues.append(ImportIssue(row: e.row, column: column, value: value, severity: .error, message: message))
            }
            guard areas[e.area] != nil, ctx.user.scope.includes(e.area), county.map({ $0.contains(e.area) }) ?? true else {
                fail("区划代码", e.area.value, "没有这个区划，或不在\(county.map { "县 \($0.countyPart) " } ?? "")本人辖区 / no such area in your scope")
                continue
            }
            if !e.unit.isEmpty, !units.contains(e.unit) {
                fail("责任单位", e.unit, "不是责任体系中的单位（先导入干部名单） / not a unit of the responsibility chain (load the cadres first)")
                continue
            }
            var owner: Cadre.ID?
            if !e.owner.isEmpty {
                if let c = cadres[e.owner] { owner = c.id }
                else if let named = byName[e.owner], named.count == 1 { owner = named[0].id }
                else {
                    let why = (byName[e.owner]?.count ?? 0) > 1 ? "同名干部不止一人，请填手机号码 / more than one cadre has this name: give the phone"
                                                                 : "没有这个干部（填姓名或手机号码） / no such cadre (a name or a phone)"
                    fail("责任人", e.owner, why)
                    continue
                }
            }
            var households: [Household.ID] = []
            if !e.householdNumbers.isEmpty {
                let refs = try await HouseholdStore.references(numbers: e.householdNumbers, county: e.area.ancestor(at: .county), on: ctx.db)
                let unknown = e.householdNumbers.filter { refs[$0].map { !e.area.contains($0.village) } ?? true }
                guard unknown.isEmpty else {
                    fail("涉及户编号", unknown.prefix(5).joined(separator: " "), "不是该区划的户 / not households of this area")
                    continue
                }
                households = e.householdNumbers.compactMap { refs[$0]?.id }
            }
            problems.append(Problem(source: e.source, area: e.area, unit: e.unit, owner: owner, category: e.category, description: e.description,
                                    households: households, severity: e.severity, found: e.found,
                                    deadline: e.deadline ?? ctx.supervision.deadline(for: e.severity, found: e.found),
                                    state: e.unit.isEmpty ? .unclaimed : .rectifying, issuedBy: issuingLevel(ctx, for: e.area)))
        }
        guard !issues.contains(where: { $0.severity == .error }), !dryRun else {
            return .init(issues: issues, rows: read.entries.count, changed: 0, written: false)
        }
        let listed = problems
        try await ctx.transaction { tx in
            for p in listed { _ = try await write(p, note: "导入 \(p.source.rawValue)", in: tx) }
        }
        return .init(issues: issues, rows: read.entries.count, changed: listed.count, written: true)
    }
}
