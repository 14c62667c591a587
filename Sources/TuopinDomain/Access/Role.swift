/// 角色 — what a user is, which decides what they may do (docs/ROLES.md has the table).
public enum Role: String, Vocabulary {
    /// 系统管理员 — runs the system; all areas.
    case administrator = "系统管理员"
    /// 县扶贫办 — the county office: everything in its county.
    case countyOffice = "县扶贫办"
    /// 乡镇扶贫工作站 — a township station: its township.
    case townshipStation = "乡镇扶贫工作站"
    /// 村级/驻村工作队 — a village committee or resident work team: its village.
    case villageTeam = "村级/驻村工作队"
    /// 帮扶干部 — a helping cadre: the households paired to them (once pairings exist).
    case cadre = "帮扶干部"
    /// 督查 — inspection: reads everything in its area, writes findings.
    case inspector = "督查"
    /// 领导 — leaders: read-only, all of their area.
    case leader = "领导"
    /// 第三方评估 — evaluators: read-only, sampled households only (once sampling exists).
    case evaluator = "第三方评估"

    public static var aliases: [String: Role] {
        ["admin": .administrator, "county": .countyOffice, "township": .townshipStation, "village": .villageTeam,
         "cadre": .cadre, "inspector": .inspector, "leader": .leader, "evaluator": .evaluator]
    }

    /// The English key, for the command line and the API.
    public var key: String {
        switch self {
        case .administrator: "admin"
        case .countyOffice: "county"
        case .townshipStation: "township"
        case .villageTeam: "village"
        case .cadre: "cadre"
        case .inspector: "inspector"
        case .leader: "leader"
        case .evaluator: "evaluator"
        }
    }

    public var permissions: Set<Permission> {
        switch self {
        case .administrator: Set(Permission.allCases).subtracting([.writeFindings])
        case .countyOffice: [.readRegistry, .editRegistry, .approveChanges, .manageUsers, .viewAudit, .exportPersonalData, .viewFullIdentity,
                             .planTargets, .runProcedures, .manageResponsibility, .writeFindings, .rectifyProblems, .reviewProblems, .proposeProjects, .manageFunds,
                             .manageEvaluations]
        case .townshipStation: [.readRegistry, .editRegistry, .approveChanges, .viewFullIdentity, .runProcedures, .logWork, .writeFindings,
                                .rectifyProblems, .reviewProblems, .proposeProjects, .manageFunds]
        case .villageTeam: [.readRegistry, .editRegistry, .viewFullIdentity, .runProcedures, .logWork, .rectifyProblems, .proposeProjects]
        case .cadre: [.readRegistry, .viewFullIdentity, .logWork]
        case .inspector: [.readRegistry, .viewAudit, .writeFindings, .reviewProblems]
        case .leader: [.readRegistry]
        case .evaluator: [.readRegistry]
        }
    }

    /// The level of area a user of this role is attached to (nil: any level, or none for an administrator).
    public var areaLevel: AreaLevel? {
        switch self {
        case .countyOffice: .county
        case .townshipStation: .township
        case .villageTeam: .village
        case .administrator, .cadre, .inspector, .leader, .evaluator: nil
        }
    }

    public func allows(_ p: Permission) -> Bool { permissions.contains(p) }

    /// 级别 — who may manage whose account: only a higher rank (issue #13: a county office may not reset the
    /// password of another county office, nor of a leader or inspector, and take over their account).
    public var rank: Int {
        switch self {
        case .administrator: 4
        case .countyOffice, .leader, .inspector: 3
        case .townshipStation: 2
        case .villageTeam, .cadre, .evaluator: 1
        }
    }

    /// Whether this role may take a procedure step: its own level's steps and those below it.
    public func mayTake(_ step: ProcedureStep) -> Bool {
        guard allows(.runProcedures) else { return false }
        guard let level = areaLevel else { return true }
        return step.level >= level
    }
}
