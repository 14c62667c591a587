import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 信息比对 — departments' files loaded (all or nothing; an ID not in the county's registry is a warning per
/// row), matched against the registry (`DepartmentMatch`), and the county's decisions: 属实 (then corrected through
/// the household's procedures) or 不属实 with the reason, which keeps the same record from raising it again.
public enum MatchService {
    /// 属实 / 不属实
    public static let outcomes = ["属实", "不属实"]

    /// `members`: the county's members by ID number when the caller has them (else they are read here).
    public static func load(_ read: DepartmentFileReader.Result, kind: DepartmentRecord.Kind, file: URL, county: AreaCode?, dryRun: Bool,
                            members known: [String: Household.ID]? = nil, in ctx: ServiceContext) async throws -> FileLoadOutcome {
        let county = try ctx.managedCounty(county)
        var issues = read.issues
        guard !read.hasErrors else { return .init(issues: issues, rows: read.records.count, changed: 0, written: false) }
        let digest = try BenefitStore.digest(file)
        if try await DepartmentStore.loaded(digest: digest, kind: kind, county: county, on: ctx.db) {
            issues.append(alreadyLoaded(file))
            return .init(issues: issues, rows: read.records.count, changed: 0, written: false)
        }
        let members: [String: Household.ID]
        if let known { members = known } else { members = try await BenefitStore.members(county: county, file: ctx.registryFile, on: ctx.db) }
        var unmatched = 0
        for (i, r) in read.records.enumerated() where members[r.idNumber] == nil {
            unmatched += 1
            if unmatched <= 200 {
                issues.append(unregistered(r, row: i + 2))
            }
        }
        guard !dryRun else { return .init(issues: issues, rows: read.records.count, changed: 0, written: false) }
        try await ctx.transaction { [unmatched] tx in
            try await DepartmentStore.load(read.records, kind: kind, file: file.lastPathComponent, digest: digest, county: county, username: tx.user.username,
                                           date: tx.today, on: tx.db)
            try await tx.record(MatchEvent.imported(kind: kind, file: file.lastPathComponent, digest: digest, rows: read.records.count,
                                                    unmatched: unmatched, county: county))
        }
        return .init(issues: issues, rows: read.records.count, changed: read.records.count - unmatched, written: true)
    }

    /// What the whole-file and the streamed load report alike.
    static func alreadyLoaded(_ file: URL) -> ImportIssue {
        ImportIssue(row: nil, column: "", value: file.lastPathComponent, severity: .error, message: "这份文件已导入过 / this file was already loaded")
    }

    /// `row`: the record's row, counted from the file's first data row (the reader does not keep it).
    static func unregistered(_ r: DepartmentRecord, row: Int) -> ImportIssue {
        ImportIssue(row: row, column: "证件号码", value: r.idNumber, severity: .warning,
                    message: "不是本县建档立卡人员，不参与比对 / not in the county's registry: not matched")
    }

    public struct Queue: Sendable {
        public var county: AreaCode
        public var area: AreaCode
        public var year: Int
        /// Open and 属实 flags (不属实 ones are kept out).
        public var flags: [DepartmentMatch.Flag]
        public var dismissed: Int
        public var decisions: [String: DepartmentStore.Decision]
        public var mayDecide: Bool
        /// 交办: to whom each flag went, and whether the viewer (the county) hands flags out.
        public var assignments: [String: DepartmentStore.Assignment] = [:]
        public var mayAssign = false

        /// `tuopin match --format csv`: 户编号,证件号码,姓名,部门,规则,说明.
        public var table: [[String]] {
            [["户编号", "证件号码", "姓名", "部门", "规则", "说明"]] + flags.map { f in
                [f.householdNumber, f.idNumber, f.name, f.kind?.department ?? "教育", f.rule.rawValue, f.explanation]
            }
        }
    }

    public static func match(year: Int, area requested: AreaCode?, in ctx: ServiceContext) async throws -> Queue {
        try ctx.user.require(.readRegistry)
        let (area, county) = try ctx.countyOrTownship(requested)
        let records = try await DepartmentStore.records(county: county, file: ctx.registryFile, on: ctx.db)
        let homes = try await BenefitStore.homes(under: area, file: ctx.registryFile, on: ctx.db)
        let all = ctx.matching.flags(records: records, homes: homes, year: year, asOf: ctx.today)
        let decisions = try await DepartmentStore.decisions(county: county, on: ctx.db)
        let kept = all.filter { decisions[$0.key]?.outcome != "不属实" }
        var queue = Queue(county: county, area: area, year: year, flags: kept, dismissed: all.count - kept.count, decisions: decisions,
                          mayDecide: ctx.user.can(.runProcedures) && ctx.user.scope.includes(area) && ctx.user.role != .villageTeam)
        queue.assignments = try await DepartmentStore.assignments(county: county, on: ctx.db)
        queue.mayAssign = queue.mayDecide && ctx.user.scope.includes(county)
        return queue
    }

    /// 核实 — a township or the county records what it found, on a department flag or a paper-exit pattern.
    public static func decide(year: Int, key: String, outcome: String, reason: String, area: AreaCode?, in ctx: ServiceContext) async throws -> FormResult<VerifiedFlag> {
        let queue = try await flagInQueue(year: year, key: key, area: area, in: ctx)
        guard queue.mayDecide else { throw Refused(.forbidden, "只有乡镇或县可以核实", "only the township or county verifies") }
        let flag = queue.flag
        var faults: [String: String] = [:]
        if !outcomes.contains(outcome) { faults["outcome"] = "请选择 属实 或 不属实 / choose the outcome" }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if why.count < 4 || why.count > 300 { faults["reason"] = "请写明核实情况（4–300字） / the reason, 4–300 characters" }
        else if let f = TextRule.fault(why, .freeText) { faults["reason"] = f }
        guard faults.isEmpty else { return .rejected(FormRejection(faults: faults)) }
        let before = queue.decisions[key]?.outcome
        try await ctx.transaction { tx in
            try await DepartmentStore.decide(flag, outcome: outcome, reason: why, date: tx.today, username: tx.user.username, county: queue.county, on: tx.db)
            try await tx.record(MatchEvent.decided(flag, outcome: outcome, reason: why, before: before))
        }
        return .done(flag)
    }

    /// 交办 — the county hands a flag (a department flag or a pattern) to the township it lies in (`to` = "township")
    /// or to the household's 帮扶责任人 on the day ("helper"); audited. A flag already verified is not handed out.
    public static func assign(year: Int, key: String, to target: String, area: AreaCode?, in ctx: ServiceContext) async throws -> VerifiedFlag {
        let queue = try await flagInQueue(year: year, key: key, area: area, in: ctx)
        guard queue.mayDecide && ctx.user.scope.includes(queue.county) else { throw Refused(.forbidden, "只有县可以交办疑点", "only the county assigns flags") }
        let flag = queue.flag
        guard queue.decisions[key] == nil else { throw Refused(.conflict, "该疑点已核实，无需交办", "the flag is verified already") }
        guard let township = flag.village.ancestor(at: .township) else { throw Refused.notFound("没有这个疑点", "no such flag") }
        var assignment = DepartmentStore.Assignment(township: township, cadre: nil, assignee: "", date: ctx.today, username: ctx.user.username)
        switch target {
        case "township":
            assignment.assignee = try await AreaStore.names(of: [township], on: ctx.db)[township] ?? township.value
        case "helper":
            guard let p = try await CadreStore.pairings(under: nil, household: flag.household, on: ctx.db)
                .first(where: { $0.start <= ctx.today && ($0.end.map { $0 > ctx.today } ?? true) }),
                  let cadre = try await CadreStore.find(p.cadre, on: ctx.db) else {
                throw Refused(.conflict, "该户目前没有帮扶责任人，请交办乡镇", "the household has no helper now; assign it to the township", field: "to")
            }
            assignment.cadre = cadre.id
            assignment.assignee = "\(cadre.name)（\(cadre.unit)，帮扶责任人）"
        default:
            throw Refused(.badRequest, "交办对象应为 乡镇 或 帮扶责任人", "assign to the township or the helper", field: "to")
        }
        let before = try await DepartmentStore.assignments(county: queue.county, on: ctx.db)[key]?.assignee
        let done = assignment
        try await ctx.transaction { tx in
            try await DepartmentStore.assign(flag, done, county: queue.county, on: tx.db)
            try await tx.record(MatchEvent.assigned(flag, to: done.assignee, before: before))
        }
        return flag
    }
}
