import Foundation
import TuopinDomain
import TuopinStore

/// 痕迹查询 — the audit trail searched within the actor's area, shown with names rather than keys, exported
/// (which is itself recorded), and its hash chain verified.
public enum AuditService {
    /// What the search form offers: the users and areas of the actor's scope, by name.
    public struct Choices: Sendable {
        /// (login, "姓名（单位）")
        public var users: [(login: String, label: String)]
        /// (code, name with the names above it, e.g. "东兰镇 · 巴畴村")
        public var areas: [(code: AreaCode, label: String)]

        public init(users: [(login: String, label: String)], areas: [(code: AreaCode, label: String)]) {
            self.users = users
            self.areas = areas
        }
    }

    /// One page of records, newest first, with the names they refer to.
    public static func search(_ filter: AuditQuery.Filter, page: Int, perPage: Int, in ctx: ServiceContext) async throws
        -> (page: Page<AuditQuery.Record>, names: AuditNames) {
        try ctx.user.require(.viewAudit)
        let found = try await AuditQuery.search(filter, scope: ctx.user.scope, page: page, perPage: perPage, on: ctx.db)
        return (found, try await AuditNames.load(for: found.items, on: ctx.db))
    }

    /// Every record the filter finds (up to 100,000), for the CSV; the export is recorded.
    public static func export(_ filter: AuditQuery.Filter, in ctx: ServiceContext) async throws -> (records: [AuditQuery.Record], names: AuditNames) {
        try ctx.user.require(.viewAudit)
        let result = try await AuditQuery.search(filter, scope: ctx.user.scope, page: 1, perPage: 100_000, on: ctx.db)
        try await ctx.transaction { tx in
            try await tx.record(ExportEvent.audit(records: result.items.count, userArea: tx.user.area))
        }
        return (result.items, try await AuditNames.load(for: result.items, on: ctx.db))
    }

    /// The users and areas one may pick in the search form.
    public static func choices(in ctx: ServiceContext) async throws -> Choices {
        try ctx.user.require(.viewAudit)
        let users = try await UserStore.list(in: ctx.user.scope, on: ctx.db)
            .map { (login: $0.username, label: "\($0.name)（\($0.unit)）") }
        var areas: [(code: AreaCode, label: String)] = []
        func walk(_ node: AreaNode, _ path: [String]) {
            let names = path + [node.area.name]
            areas.append((node.area.code, names.suffix(2).joined(separator: " · ")))
            for child in node.children { walk(child, names) }
        }
        for root in try await AreaService.tree(in: ctx) { walk(root, []) }
        return Choices(users: [(AuditActor.commandLine.username, "命令行（服务器）")] + users, areas: areas)
    }

    /// The area a search names: a 6-, 9- or 12-digit code, or the name of an area in the actor's sight (a
    /// name several areas share is refused, listing them by code).
    public static func area(named text: String, in ctx: ServiceContext) async throws -> AreaCode {
        if let code = AreaCode(text) { return code }
        let choices = try await self.choices(in: ctx).areas
        let matches = choices.filter { $0.label == text || $0.label.hasSuffix(" · " + text) || $0.label.components(separatedBy: " · ").last == text }
        switch matches.count {
        case 1: return matches[0].code
        case 0: throw Refused(.badRequest, "参数area：辖区内没有名为“\(text)”的区划", "area: no area named '\(text)' in your area", field: "area")
        default:
            let list = matches.prefix(5).map { "\($0.label) \($0.code.value)" }.joined(separator: "、")
            throw Refused(.badRequest, "参数area：“\(text)”有重名，请选择：\(list)", "area: several areas are named '\(text)'; choose one by code", field: "area")
        }
    }

    /// Walks the whole chain and reports the first broken link.
    /// The chain walked (and checked against the anchors of a log kept outside the database, if given).
    public static func verify(anchors: [AuditAnchor] = [], publicKey: String? = nil, in ctx: ServiceContext,
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> AuditVerifier.Report {
        try ctx.user.require(.viewAudit)
        return try await AuditVerifier.verify(on: ctx.db, anchors: anchors, publicKey: publicKey, progress: progress)
    }

    /// Every household against the state its latest audit record gives.
    public static func verifyRegistry(in ctx: ServiceContext, progress: (@Sendable (Int) -> Void)? = nil) async throws -> RegistryVerifier.Report {
        try ctx.user.require(.viewAudit)
        return try await RegistryVerifier.verify(on: ctx.db, progress: progress)
    }

    /// Signs the chain's head into the anchor log (nothing when its last anchor already holds the head).
    /// Writing an anchor changes no record, so it is not itself an audit event: the log is its record.
    @discardableResult
    public static func anchor(key: AnchorKey, log: String, in ctx: ServiceContext) async throws -> AuditAnchor? {
        try ctx.user.require(.viewAudit)
        return try await AnchorLog.anchor(key: key, log: log, now: ctx.now, on: ctx.db)
    }

    /// 状态基线 — records the current state of every household that has no state record yet (data from before
    /// state hashes existed), in transactions of 1,000; returns how many. Run once after the upgrade, after
    /// checking the registry: it makes the trail vouch for what is stored now.
    public static func baseline(in ctx: ServiceContext, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        try ctx.user.require(.viewAudit)
        guard ctx.user.role == .administrator else {
            throw Refused(.forbidden, "只有系统管理员可以记录状态基线", "only an administrator records the state baseline")
        }
        let missing = try await RegistryVerifier.unrecorded(on: ctx.db)
        var done = 0
        for start in stride(from: 0, to: missing.count, by: 1000) {
            let part = Array(missing[start..<min(start + 1000, missing.count)])
            try await ctx.transaction { tx in
                try await tx.record(all: part.map { HouseholdEvent.stateRecorded(Household.ID($0.id), area: $0.village) })
            }
            done += part.count
            progress?(done)
        }
        return done
    }
}
