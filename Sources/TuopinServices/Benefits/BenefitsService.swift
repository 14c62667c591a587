import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 到户资金与防漏 — departments' payment lists loaded as they come (all or nothing; an ID not in the registry
/// is a warning, kept and flagged), each household's ledger, the year's leak flags (`LeakCheck`) with the
/// county's decisions, every change audited.
public enum BenefitsService {
    /// Loads a read payment list for one policy. Errors (the reader's, an unknown project, the same file loaded
    /// twice) write nothing; IDs not in the county's registry are warnings and load unmatched.
    /// `members`: the county's members by ID number when the caller has them (else they are read here).
    public static func load(_ read: BenefitFileReader.Result, policy key: String, department: String?, file: URL, county: AreaCode?, dryRun: Bool,
                            members known: [String: Household.ID]? = nil, in ctx: ServiceContext) async throws -> FileLoadOutcome {
        let county = try ctx.managedCounty(county)
        let policy = try policy(key, in: ctx)
        var issues = read.issues
        guard !read.hasErrors else { return .init(issues: issues, rows: read.entries.count, changed: 0, written: false) }
        let digest = try BenefitStore.digest(file)
        if try await BenefitStore.loaded(digest: digest, policy: policy.key, county: county, on: ctx.db) {
            issues.append(alreadyLoaded(file))
            return .init(issues: issues, rows: read.entries.count, changed: 0, written: false)
        }
        let members: [String: Household.ID]
        if let known { members = known } else { members = try await BenefitStore.members(county: county, file: ctx.registryFile, on: ctx.db) }
        var unmatched = 0
        for e in read.entries where members[e.id.number] == nil {
            unmatched += 1
            issues.append(unregistered(e))
        }
        var unknownProjects: Set<Int64> = []
        for p in Set(read.entries.compactMap(\.project)) where try await ProjectStore.find(Project.ID(p), on: ctx.db) == nil { unknownProjects.insert(p) }
        for e in read.entries {
            if let p = e.project, unknownProjects.contains(p) {
                issues.append(unknownProject(e, p))
            }
        }
        guard !issues.contains(where: { $0.severity == .error }), !dryRun else {
            return .init(issues: issues, rows: read.entries.count, changed: 0, written: false)
        }
        let payments = read.entries.map { e in
            Benefit(idNumber: e.id.number, name: e.name, household: members[e.id.number], policy: policy.key, amount: e.amount, date: e.date,
                    department: department ?? policy.department, project: e.project.map { Project.ID($0) }, county: county)
        }
        let batch = BenefitStore.Batch(policy: policy.key, department: department ?? policy.department, file: file.lastPathComponent, digest: digest,
                                       rows: payments.count, county: county, username: ctx.user.username, date: ctx.today)
        try await ctx.transaction { [unmatched] tx in
            _ = try await BenefitStore.load(batch, payments, on: tx.db)
            try await tx.record(BenefitsEvent.imported(policy: policy.key, department: batch.department, file: batch.file, digest: digest,
                                                       rows: payments.count, unmatched: unmatched, county: county))
        }
        return .init(issues: issues, rows: read.entries.count, changed: payments.count, written: true)
    }

    /// What the whole-file and the streamed load report alike.
    static func alreadyLoaded(_ file: URL) -> ImportIssue {
        ImportIssue(row: 0, column: "", value: file.lastPathComponent, severity: .error, message: "这份名单已导入过（相同文件） / this list was already loaded")
    }

    static func unregistered(_ e: BenefitFileReader.Entry) -> ImportIssue {
        ImportIssue(row: e.row, column: "证件号码", value: e.id.number, severity: .warning,
                    message: "不是本县建档立卡人员，已导入并列为防漏疑点 / not in the county's registry: loaded and flagged")
    }

    static func unknownProject(_ e: BenefitFileReader.Entry, _ p: Int64) -> ImportIssue {
        ImportIssue(row: e.row, column: "项目编号", value: String(p), severity: .error, message: "项目库中没有这个项目 / no such project")
    }

    static func policy(_ key: String, in ctx: ServiceContext) throws -> BenefitPolicy {
        guard let policy = ctx.benefits.policy(key) else {
            throw Refused(.badRequest, "未知的政策“\(key)”（可用：\(ctx.benefits.policies.map(\.key).joined(separator: "、"))）", "unknown policy \(key)", field: "policy")
        }
        return policy
    }

    /// 防漏表 of one household, by year (newest first), with the policy names.
    public struct Ledger: Sendable {
        public var years: [(year: Int, payments: [Benefit], total: Money)]
        public var names: [String: String]
    }

    public static func ledger(_ household: Household.ID, in ctx: ServiceContext) async throws -> Ledger {
        try ctx.user.require(.readRegistry)
        let all = try await BenefitStore.ledger(household, on: ctx.db)
        let byYear = Dictionary(grouping: all, by: \.date.year)
        return Ledger(years: byYear.keys.sorted(by: >).map { y in (y, byYear[y]!, byYear[y]!.reduce(.zero) { $0 + $1.amount }) },
                      names: Dictionary(uniqueKeysWithValues: ctx.benefits.policies.map { ($0.key, $0.name) }))
    }
}
