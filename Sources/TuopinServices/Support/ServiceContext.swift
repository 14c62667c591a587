import FluentKit
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// What every use case is given: who acts, from where, at what time, on which database, under which
/// standards and approval routes. Pages make one per request from the signed-in viewer; commands make one
/// for the operator at the server's command line. Rules never read the clock: `now` comes from here.
public struct ServiceContext: Sendable {
    public var user: User
    public var ip: String?
    public var now: Date
    public var db: any Database
    public var standards: StandardSet
    /// The responsibility set and duty rules in force (the shipped files unless a deployment names its own).
    public var responsibility: ResponsibilityFiles.Loaded = ResponsibilityFiles.shipped
    /// The supervision rules in force: check items, deadlines by severity, escalation (the shipped file unless a deployment names its own).
    public var supervision: SupervisionRules = SupervisionFiles.shipped
    /// The matching rules in force: which department rules flag which households, thresholds, sources.
    public var matching: MatchRules = MatchFiles.shipped
    /// The interview questionnaire in force.
    public var questionnaire: Questionnaire = QuestionnaireFiles.shipped
    /// The benefit policies and entitlement rules in force (the shipped file unless a deployment names its own).
    public var benefits: BenefitPolicies = BenefitFiles.shipped
    /// What an upload may be: size and number of files (`TUOPIN_UPLOAD_LIMIT_MB`).
    public var attachments = AttachmentRules()
    public var approvals: ApprovalPolicy
    /// Reads that may be kept until the registry changes (the web's cache; none on the command line).
    public var reads: any CurrentReads
    /// The operator at the server's command line, who acts without an account.
    public var onCommandLine: Bool
    /// The registry's SQLite file, when it is one: long scans read it directly through the C API
    /// (docs/adr/0008), and pages that must write check its import lock.
    public var registryFile: String?

    public init(user: User, ip: String?, now: Date, db: any Database, standards: StandardSet = StandardsCatalog.shipped,
                approvals: ApprovalPolicy = .standard, reads: any CurrentReads = UncachedReads(), onCommandLine: Bool = false) {
        self.user = user
        self.ip = ip
        self.now = now
        self.db = db
        self.standards = standards
        self.approvals = approvals
        self.reads = reads
        self.onCommandLine = onCommandLine
    }

    /// The operator at the server's command line: may do everything, everywhere.
    public static func commandLine(db: any Database, standards: StandardSet = StandardsCatalog.shipped, approvals: ApprovalPolicy = .standard,
                                   registryFile: String? = nil, now: Date = Date()) -> ServiceContext {
        var ctx = ServiceContext(user: User(username: AuditActor.commandLine.username, name: "命令行", unit: "服务器", role: .administrator, area: nil),
                                 ip: nil, now: now, db: db, standards: standards, approvals: approvals, onCommandLine: true)
        ctx.registryFile = registryFile
        return ctx
    }

    /// The area a request covers: the one asked for narrowed to what the actor sees, or all the actor sees
    /// (nil: the whole registry). An area wholly outside the actor's sight looks like one that does not exist.
    public func area(_ requested: AreaCode?) throws -> AreaCode? {
        switch user.scope.narrow(requested) {
        case .everything: return nil
        case .area(let a): return a
        case .nothing:
            if let requested { throw Refused.noSuchArea(requested) }
            throw Refused(.forbidden, "您的角色目前没有可查看的区划", "your role sees no area yet")
        }
    }

    /// Requires an area to be within sight.
    public func requireSight(of code: AreaCode) throws {
        try user.requireSight(of: code, or: .noSuchArea(code))
    }

    /// Today, where the registry is kept.
    public var today: LocalDate { LocalDate(now) }

    /// Who the audit trail names for what this context does.
    public var auditActor: AuditActor {
        onCommandLine ? .commandLine : AuditActor(username: user.username, role: user.role, ip: ip)
    }

    /// The importer's row rules, for checking forms the way a file is checked.
    public var readOptions: RegistryReadOptions {
        RegistryReadOptions(county: nil, today: today, regionHistory: DivisionCatalog.regionHistory, knownTownships: nil)
    }

    /// Runs `body` in one transaction, on a context whose database is the transaction. A write and the
    /// audit events that record it (`record`) go through here, so that both are kept or neither.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (ServiceContext) async throws -> T) async throws -> T {
        try await WriteGate.transaction(on: db) { db in
            var tx = self
            tx.db = db
            return try await body(tx)
        }
    }

    /// Appends events to the audit trail as this context's actor, at its time. Call inside `transaction`.
    func record(_ events: any AuditEvent...) async throws {
        try await AuditTrail.append(events, by: auditActor, at: now, on: db)
    }

    /// Appends a list of events (a bulk change).
    func record(all events: [any AuditEvent]) async throws {
        try await AuditTrail.append(events, by: auditActor, at: now, on: db)
    }
}

extension ServiceContext {
    /// The county or township a yearly check covers (the one asked for, narrowed to the actor's sight, else the
    /// actor's own area) and its county.
    func countyOrTownship(_ requested: AreaCode?) throws -> (area: AreaCode, county: AreaCode) {
        guard let area = try self.area(requested) ?? requested ?? user.area, let county = area.level == .county ? area : area.ancestor(at: .county) else {
            throw Refused(.badRequest, "请指定县或乡镇（area）", "name the county or township", field: "area")
        }
        return (area, county)
    }

    /// The county whose funds, payment lists or department files the actor manages (`manage_funds`): the one named,
    /// within sight, or the actor's own county.
    func managedCounty(_ county: AreaCode?) throws -> AreaCode {
        try user.require(.manageFunds)
        if let county {
            guard county.level == .county, user.scope.includes(county) else { throw Refused.noSuchArea(county) }
            return county
        }
        if case .area(let a) = user.scope, a.level == .county { return a }
        throw Refused(.badRequest, "请指定县（--county） / name the county", "name the county", field: "county")
    }
}
