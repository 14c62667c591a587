import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 导入干部、结对、工作日志 — the three files of the responsibility chain, each checked whole against the
/// registry and the cadres already stored (faults by row, as the reader's), and written in one transaction
/// only if nothing is wrong.
extension ResponsibilityService {
    static func requireManager(_ ctx: ServiceContext, county: AreaCode?) throws {
        try ctx.user.require(.manageResponsibility)
        if let county { try ctx.requireSight(of: county) }
    }

    /// 干部名单: cadres added or updated by phone, and their posts (a post already stored is not added
    /// twice; a one-holder post that would overlap a stored holder is refused).
    public static func loadCadres(_ read: CadreFileReader.Result, county: AreaCode?, dryRun: Bool, reason: String,
                                  in ctx: ServiceContext) async throws -> FileLoadOutcome {
        try requireManager(ctx, county: county)
        var issues = read.issues
        guard !read.hasErrors else { return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: 0, written: false) }
        let stored = try await CadreStore.byPhone(on: ctx.db)
        let posts = try await CadreStore.assignments(under: county, on: ctx.db)
        var cadreOf: [Cadre.ID: String] = [:]
        for c in stored.values { cadreOf[c.id!] = c.phone }
        let layers = ctx.responsibility.active
        for e in read.entries {
            guard let p = e.post, layers.layer(p.layer)?.minimumHolders == 1 else { continue }
            if let clash = posts.first(where: { a in
                a.layer == p.layer && a.area == p.area && cadreOf[a.cadre] != e.cadre.phone
                    && a.overlaps(p.start, p.end ?? .yearEnd(9999))
            }) {
                issues.append(ImportIssue(row: e.row, column: "开始日期", value: p.start.description, severity: .error,
                                          message: "与已登记的\(p.layer)任期（\(clash.start) 起）重叠：同一村同时只能一人 / overlaps the post held since \(clash.start)"))
            }
        }
        // One ID number, one cadre: a stored cadre of another phone holding the row's ID number is a fault of the row.
        let holders = Dictionary(stored.values.compactMap { c in c.idNumber.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        for e in read.entries {
            guard let id = e.cadre.idNumber, let other = holders[id], other.phone != e.cadre.phone else { continue }
            issues.append(ImportIssue(row: e.row, column: "证件号码", value: id, severity: .error,
                                      message: "已登记为干部\(other.name)（\(other.unit)）的证件号码 / already the ID number of another cadre"))
        }
        guard !issues.contains(where: { $0.severity == .error }), !dryRun else {
            return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: 0, written: false)
        }
        let changed = try await ctx.transaction { tx in
            var changed = 0
            var saved: [String: Cadre] = [:]
            for e in read.entries where saved[e.cadre.phone] == nil {
                let old = stored[e.cadre.phone]
                var wanted = e.cadre
                wanted.id = old?.id
                wanted.idNumber = wanted.idNumber ?? old?.idNumber
                if wanted == old { saved[e.cadre.phone] = old; continue }
                let (cadre, before) = try await CadreStore.save(e.cadre, on: tx.db)
                try await tx.record(ResponsibilityEvent.cadreSaved(cadre, before: before, reason: reason))
                saved[e.cadre.phone] = cadre
                changed += 1
            }
            for e in read.entries {
                guard let p = e.post, let cadre = saved[e.cadre.phone], let id = cadre.id else { continue }
                if posts.contains(where: { $0.cadre == id && $0.layer == p.layer && $0.area == p.area && $0.start == p.start }) { continue }
                let a = try await CadreStore.add(Assignment(cadre: id, layer: p.layer, area: p.area, start: p.start, end: p.end), on: tx.db)
                try await tx.record(ResponsibilityEvent.assigned(a, cadre: "\(cadre.name)（\(cadre.unit)）", reason: reason))
                changed += 1
            }
            return changed
        }
        return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: changed, written: true)
    }

    /// 结对名单: each household paired with the cadre named by phone from the start date; a household
    /// paired with someone else until then has that pairing ended the day before (a change of helper).
    public static func loadPairings(_ read: PairingFileReader.Result, county: AreaCode?, dryRun: Bool,
                                    in ctx: ServiceContext) async throws -> FileLoadOutcome {
        try requireManager(ctx, county: county)
        var issues = read.issues
        guard !read.hasErrors else { return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: 0, written: false) }
        let cadres = try await CadreStore.byPhone(on: ctx.db)
        let households = try await HouseholdStore.references(numbers: read.entries.map(\.householdNumber), county: county ?? ctx.user.area?.ancestor(at: .county),
                                                             on: ctx.db)
        var resolved: [(PairingFileReader.Entry, Cadre, HouseholdStore.Reference)] = []
        var seen: [String: Int] = [:]
        for e in read.entries {
            let cadre = cadres[e.phone]
            if cadre == nil {
                issues.append(ImportIssue(row: e.row, column: "帮扶责任人电话", value: e.phone, severity: .error,
                                          message: "没有这个电话的干部，请先导入干部名单 / no cadre has this phone; load the cadre file first"))
            }
            let h = households[e.householdNumber]
            if h == nil || !(ctx.user.scope.includes(h!.village)) {
                issues.append(ImportIssue(row: e.row, column: "户编号", value: e.householdNumber, severity: .error,
                                          message: "本县（本人辖区）没有这个户编号 / no household with this number in your county"))
            }
            if let first = seen["\(e.householdNumber)|\(e.start)"] {
                issues.append(ImportIssue(row: e.row, column: "户编号", value: e.householdNumber, severity: .error,
                                          message: "与第\(first)行同一户同一开始日期 / repeats row \(first)"))
            }
            seen["\(e.householdNumber)|\(e.start)"] = seen["\(e.householdNumber)|\(e.start)"] ?? e.row
            if let cadre, let h { resolved.append((e, cadre, h)) }
        }
        guard !issues.contains(where: { $0.severity == .error }), !dryRun else {
            return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: 0, written: false)
        }
        // The households' pairings are read once; the audit records are appended together at the end (one move
        // of the chain's head instead of one per row).
        let changed = try await ctx.transaction { [resolved] tx in
            var current = Dictionary(grouping: try await CadreStore.pairings(under: county, on: tx.db), by: \.household)
            var events: [any AuditEvent] = []
            var changed = 0
            for (e, cadre, h) in resolved.sorted(by: { $0.0.start < $1.0.start }) {
                let mine = current[h.id] ?? []
                if mine.contains(where: { $0.cadre == cadre.id! && $0.start == e.start }) { continue }
                for (i, old) in mine.enumerated() where old.cadre != cadre.id! && old.end == nil && old.start < e.start {
                    let end = e.start.adding(days: -1), why = e.reason.isEmpty ? "更换帮扶责任人 / helper changed" : e.reason
                    try await CadreStore.end(old.id!, on: end, reason: why, on: tx.db)
                    current[h.id]![i].end = end
                    events.append(ResponsibilityEvent.unpaired(old, cadre: String(old.cadre.rawValue), household: h.number, on: end, reason: why))
                }
                let p = try await CadreStore.add(Pairing(cadre: cadre.id!, household: h.id, village: h.village, start: e.start, end: e.end, reason: e.reason),
                                                 on: tx.db)
                current[h.id, default: []].append(p)
                events.append(ResponsibilityEvent.paired(p, cadre: "\(cadre.name)（\(cadre.unit)）", household: h.number))
                changed += 1
            }
            try await tx.record(all: events)
            return changed
        }
        return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: changed, written: true)
    }

    /// 结对 on the household page: the county office pairs the household with the cadre of that phone from a date
    /// (ending the current helper's pairing the day before), by the same rules as the pairing file.
    public static func pair(_ household: Household.ID, phone: String, start: String, reason: String,
                            in ctx: ServiceContext) async throws -> FormResult<Int> {
        let detail = try await HouseholdService.find(household, in: ctx)
        var faults: [String: String] = [:]
        let digits = phone.trimmingCharacters(in: .whitespaces)
        if digits.count != 11 || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) { faults["phone"] = "应为11位手机号码 / must be an 11-digit mobile number" }
        var date: LocalDate?
        switch EventDate.parse(start, field: "start", label: "开始日期", today: ctx.today) {
        case .success(let d): date = d
        case .failure(let f): faults["start"] = f.description
        }
        if let f = TextRule.fault(reason, .freeText) { faults["reason"] = f }
        guard faults.isEmpty, let date else { return .rejected(FormRejection(faults: faults)) }
        let entry = PairingFileReader.Entry(row: 1, householdNumber: detail.household.number, phone: digits, start: date, end: nil, reason: reason)
        let outcome = try await loadPairings(PairingFileReader.Result(entries: [entry], issues: []), county: detail.household.villageCode.ancestor(at: .county),
                                             dryRun: false, in: ctx)
        if outcome.hasErrors {
            let columns = ["帮扶责任人电话": "phone", "开始日期": "start"]
            var found: [String: String] = [:]
            for i in outcome.issues where i.severity == .error { found[columns[i.column] ?? "phone"] = i.message }
            return .rejected(FormRejection(faults: found))
        }
        return .done(outcome.changed)
    }

    /// 工作日志: logs matched to cadres and households; a visit to a household not paired with the cadre that
    /// day is a warning (another cadre may stand in); a visit before the cadre's pairing began is an error.
    public static func loadLogs(_ read: WorkLogFileReader.Result, county: AreaCode?, file: String, dryRun: Bool,
                                in ctx: ServiceContext) async throws -> FileLoadOutcome {
        try requireManager(ctx, county: county)
        var issues = read.issues
        guard !read.hasErrors else { return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: 0, written: false) }
        let cadres = try await CadreStore.byPhone(on: ctx.db)
        let households = try await HouseholdStore.references(numbers: read.entries.compactMap(\.householdNumber),
                                                             county: county ?? ctx.user.area?.ancestor(at: .county), on: ctx.db)
        let pairings = Dictionary(grouping: try await CadreStore.pairings(under: county, on: ctx.db), by: \.household)
        var logs: [WorkLog] = []
        logs.reserveCapacity(read.entries.count)
        for e in read.entries {
            guard let cadre = cadres[e.phone] else {
                issues.append(ImportIssue(row: e.row, column: "干部电话", value: e.phone, severity: .error,
                                          message: "没有这个电话的干部 / no cadre has this phone"))
                continue
            }
            guard ctx.user.scope.includes(e.village) else {
                issues.append(ImportIssue(row: e.row, column: "村代码", value: e.village.value, severity: .error, message: "不在本人辖区 / outside your area"))
                continue
            }
            var household: Household.ID?
            if let number = e.householdNumber {
                guard let h = households[number], h.village == e.village else {
                    issues.append(ImportIssue(row: e.row, column: "户编号", value: number, severity: .error,
                                              message: "这个村没有这个户编号 / no household with this number in the village"))
                    continue
                }
                household = h.id
                let mine = (pairings[h.id] ?? []).filter { $0.cadre == cadre.id! }
                if !mine.isEmpty, !mine.contains(where: { $0.holds(on: e.date) }), mine.allSatisfy({ e.date < $0.start }) {
                    issues.append(ImportIssue(row: e.row, column: "日期", value: e.date.description, severity: .error,
                                              message: "早于结对开始日期 \(mine.map(\.start).min()!) / before the pairing began"))
                    continue
                }
                if e.kind == .visit, !mine.contains(where: { $0.holds(on: e.date) }) {
                    issues.append(ImportIssue(row: e.row, column: "户编号", value: number, severity: .warning,
                                              message: "该户当日未与此干部结对（代为走访？） / not paired with this cadre that day (standing in?)"))
                }
            }
            logs.append(WorkLog(cadre: cadre.id!, date: e.date, kind: e.kind, village: e.village, household: household, stayedNight: e.stayedNight,
                                content: e.content, householdSaid: e.householdSaid, problems: e.problems, measures: e.measures, approvedBy: e.approvedBy))
        }
        guard !issues.contains(where: { $0.severity == .error }), !dryRun else {
            return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: 0, written: false)
        }
        try await ctx.transaction { [logs] tx in
            try await WorkLogStore.add(logs, on: tx.db)
            try await tx.record(ResponsibilityEvent.logsImported(count: logs.count, file: file, area: county))
        }
        return FileLoadOutcome(issues: issues, rows: read.entries.count, changed: logs.count, written: true)
    }
}
