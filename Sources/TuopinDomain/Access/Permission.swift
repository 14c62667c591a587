/// 权限 — one thing a role allows.
public enum Permission: String, CaseIterable, Sendable, Codable {
    /// 查看建档立卡数据
    case readRegistry = "read_registry"
    /// 修改建档立卡数据（村、乡镇的修改成为变更申请）
    case editRegistry = "edit_registry"
    /// 审批变更申请
    case approveChanges = "approve_changes"
    /// 管理用户
    case manageUsers = "manage_users"
    /// 查询痕迹（审计记录）
    case viewAudit = "view_audit"
    /// 导出含个人信息的数据
    case exportPersonalData = "export_personal_data"
    /// 查看完整证件号码和电话
    case viewFullIdentity = "view_full_identity"
    /// 记录督查发现的问题
    case writeFindings = "write_findings"
    /// 制定年度减贫计划（挂图作战）
    case planTargets = "plan_targets"
    /// 办理识别、退出、返贫、监测等程序中本级的步骤
    case runProcedures = "run_procedures"
    /// 管理责任体系：干部、岗位、结对
    case manageResponsibility = "manage_responsibility"
    /// 记录本人的工作日志（走访、驻村、请假）
    case logWork = "log_work"
    /// 认领问题、整改并申请销号
    case rectifyProblems = "rectify_problems"
    /// 审核销号、退回、交办、延期、复查（下发问题的一级）
    case reviewProblems = "review_problems"
    /// 申报项目（村、乡镇为本区划申报项目库项目）
    case proposeProjects = "propose_projects"
    /// 管理资金项目：登记资金、下达、报账，审核、公示、入库、验收项目（按级别）
    case manageFunds = "manage_funds"
    /// 组织评估 — set up an evaluation (a county's own 预评估, or a third party's) and draw its sample.
    case manageEvaluations = "manage_evaluations"

    /// 中文名称
    public var label: String {
        switch self {
        case .readRegistry: "查看建档立卡数据"
        case .editRegistry: "修改建档立卡数据"
        case .approveChanges: "审批变更申请"
        case .manageUsers: "管理用户"
        case .viewAudit: "查询痕迹"
        case .exportPersonalData: "导出个人信息"
        case .viewFullIdentity: "查看完整证件号码"
        case .writeFindings: "记录督查问题"
        case .planTargets: "制定减贫计划"
        case .runProcedures: "办理程序"
        case .manageResponsibility: "管理责任体系"
        case .logWork: "记录工作日志"
        case .rectifyProblems: "认领整改问题"
        case .reviewProblems: "审核销号"
        case .proposeProjects: "申报项目"
        case .manageFunds: "管理资金项目"
        case .manageEvaluations: "组织评估"
        }
    }
}
