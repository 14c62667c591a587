/// 程序痕迹 — a procedure started for a household, each step taken, each objection raised and resolved.
public enum ProcedureEvent: AuditEvent {
    public static let groupLabel = "识别与退出程序"

    case started(Procedure.ID, ProcedureKind, household: String, area: AreaCode)
    case stepTaken(Procedure.ID, ProcedureKind, step: ProcedureStep, on: LocalDate, by: String, note: String?, area: AreaCode)
    case objectionRaised(Procedure.ID, text: String, on: LocalDate, area: AreaCode)
    case objectionResolved(Procedure.ID, objection: String, resolution: String, on: LocalDate, area: AreaCode)

    public enum Action: String, AuditActionKind {
        case start = "procedure.start"
        case step = "procedure.step"
        case objection = "procedure.objection"
        case resolve = "procedure.resolve"

        public var label: String {
            switch self {
            case .start: "启动程序"
            case .step: "办理程序步骤"
            case .objection: "登记公示异议"
            case .resolve: "处理公示异议"
            }
        }
    }

    public var action: Action {
        switch self {
        case .started: .start
        case .stepTaken: .step
        case .objectionRaised: .objection
        case .objectionResolved: .resolve
        }
    }

    var id: Procedure.ID {
        switch self {
        case .started(let id, _, _, _), .stepTaken(let id, _, _, _, _, _, _), .objectionRaised(let id, _, _, _),
             .objectionResolved(let id, _, _, _, _): id
        }
    }

    public var subject: AuditSubject { AuditSubject(.procedure, id.description) }

    public var area: AreaCode? {
        switch self {
        case .started(_, _, _, let a), .stepTaken(_, _, _, _, _, _, let a), .objectionRaised(_, _, _, let a), .objectionResolved(_, _, _, _, let a): a
        }
    }

    public var after: [String: String?]? {
        switch self {
        case .started(_, let kind, let number, _): ["程序": kind.rawValue, "户编号": number]
        case .stepTaken(_, let kind, let step, let date, let by, let note, _):
            ["程序": kind.rawValue, "步骤": step.rawValue, "日期": date.description, "经办人": by, "说明": note ?? ""]
        case .objectionRaised(_, let text, let date, _): ["异议": text, "日期": date.description]
        case .objectionResolved(_, let objection, let resolution, let date, _): ["异议": objection, "处理结果": resolution, "日期": date.description]
        }
    }

    public var reason: String? {
        switch self {
        case .started: nil
        case .stepTaken(_, _, _, _, _, let note, _): note
        case .objectionRaised(_, let text, _, _): text
        case .objectionResolved(_, _, let resolution, _, _): resolution
        }
    }
}
