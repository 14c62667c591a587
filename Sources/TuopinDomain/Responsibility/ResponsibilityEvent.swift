/// 责任痕迹 — cadres entered or changed, posts given, households paired and unpaired, work logged.
public enum ResponsibilityEvent: AuditEvent {
    public static let groupLabel = "责任体系"

    case cadreSaved(Cadre, before: Cadre?, reason: String)
    case assigned(Assignment, cadre: String, reason: String)
    case assignmentEnded(Assignment, cadre: String, on: LocalDate, reason: String)
    case paired(Pairing, cadre: String, household: String)
    case unpaired(Pairing, cadre: String, household: String, on: LocalDate, reason: String)
    case logged(WorkLog, cadre: String)
    case logsImported(count: Int, file: String, area: AreaCode?)
    /// A measure of a household's plan added, or its status changed (`before` nil when added).
    case measureSaved(PlanMeasure, before: PlanMeasure?, area: AreaCode)

    public enum Action: String, AuditActionKind {
        case saveCadre = "cadre.save"
        case assign = "assignment.add"
        case endAssignment = "assignment.end"
        case pair = "pairing.add"
        case unpair = "pairing.end"
        case log = "work_log.add"
        case importLogs = "work_log.import"
        case planMeasure = "plan.measure"

        public var label: String {
            switch self {
            case .saveCadre: "登记或修改干部"
            case .assign: "任命责任岗位"
            case .endAssignment: "免去责任岗位（任期结束）"
            case .pair: "结对帮扶"
            case .unpair: "结束结对"
            case .log: "记录工作日志"
            case .importLogs: "导入工作日志"
            case .planMeasure: "制定或更新帮扶措施"
            }
        }
    }

    public var action: Action {
        switch self {
        case .cadreSaved: .saveCadre
        case .assigned: .assign
        case .assignmentEnded: .endAssignment
        case .paired: .pair
        case .unpaired: .unpair
        case .logged: .log
        case .logsImported: .importLogs
        case .measureSaved: .planMeasure
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .cadreSaved(let c, _, _): AuditSubject(.cadre, c.id?.description)
        case .assigned(let a, _, _): AuditSubject(.cadre, a.cadre.description)
        case .assignmentEnded(let a, _, _, _): AuditSubject(.cadre, a.cadre.description)
        case .paired(let p, _, _), .unpaired(let p, _, _, _, _): AuditSubject(.pairing, p.id?.description)
        case .logged(let l, _): AuditSubject(.workLog, l.id?.description)
        case .logsImported: AuditSubject(.workLog, nil)
        case .measureSaved(let m, _, _): .household(m.household)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .cadreSaved: nil
        case .assigned(let a, _, _): a.area
        case .assignmentEnded(let a, _, _, _): a.area
        case .paired(let p, _, _), .unpaired(let p, _, _, _, _): p.village
        case .logged(let l, _): l.village
        case .logsImported(_, _, let area): area
        case .measureSaved(_, _, let area): area
        }
    }

    static func fields(_ c: Cadre) -> [String: String?] {
        ["姓名": c.name, "联系电话": c.phone, "单位": c.unit, "单位层级": c.unitLevel.rawValue, "职务": c.post, "职级": c.rank.rawValue, "登录名": c.username]
    }

    static func fields(_ m: PlanMeasure) -> [String: String?] {
        ["类别": m.kind.rawValue, "措施": m.content, "计划日期": m.plannedDate.description, "预期增收": m.expectedIncome?.plainYuan,
         "状态": m.status.rawValue, "完成日期": m.doneDate?.description]
    }

    public var before: [String: String?]? {
        switch self {
        case .cadreSaved(_, let before?, _): Self.fields(before)
        case .unpaired(let p, _, _, _, _): ["结束日期": nil, "原因": p.reason]
        case .assignmentEnded(let a, _, _, _): ["结束日期": a.end?.description]
        case .measureSaved(_, let before?, _): Self.fields(before)
        default: nil
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .cadreSaved(let c, _, _): Self.fields(c)
        case .assigned(let a, let cadre, _):
            ["干部": cadre, "岗位": a.layer, "区划": a.area.value, "开始日期": a.start.description, "结束日期": a.end?.description]
        case .paired(let p, let cadre, let household):
            ["帮扶责任人": cadre, "户编号": household, "开始日期": p.start.description, "原因": p.reason]
        case .assignmentEnded(let a, let cadre, let on, _):
            ["干部": cadre, "岗位": a.layer, "区划": a.area.value, "结束日期": on.description]
        case .unpaired(_, let cadre, let household, let on, let reason):
            ["帮扶责任人": cadre, "户编号": household, "结束日期": on.description, "原因": reason]
        case .logged(let l, let cadre):
            ["干部": cadre, "日期": l.date.description, "类别": l.kind.rawValue, "村": l.village.value, "户": l.household?.description,
             "住村": l.stayedNight ? "是" : "否", "工作内容": l.content, "群众反映": l.householdSaid, "发现问题": l.problems, "商定措施": l.measures,
             "批准": l.approvedBy.isEmpty ? nil : l.approvedBy]
        case .logsImported(let n, let file, _): ["条数": String(n), "文件": file]
        case .measureSaved(let m, _, _): Self.fields(m)
        }
    }

    public var reason: String? {
        switch self {
        case .cadreSaved(_, _, let r), .assigned(_, _, let r): r
        case .unpaired(_, _, _, _, let r), .assignmentEnded(_, _, _, let r): r
        default: nil
        }
    }
}
