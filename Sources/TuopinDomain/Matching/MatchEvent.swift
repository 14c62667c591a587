/// 信息比对的痕迹 — a department's file loaded, and a decision on a flag.
public enum MatchEvent: AuditEvent {
    case imported(kind: DepartmentRecord.Kind, file: String, digest: String, rows: Int, unmatched: Int, county: AreaCode)
    case decided(VerifiedFlag, outcome: String, reason: String, before: String?)
    /// 交办 — the county hands a flag to the township or to the household's 帮扶责任人 to verify.
    case assigned(VerifiedFlag, to: String, before: String?)

    public enum Action: String, AuditActionKind {
        case load = "department.import"
        case decide = "match.decide"
        case assign = "match.assign"

        public var label: String {
            switch self {
            case .load: "导入部门比对数据"
            case .decide: "核实比对疑点"
            case .assign: "交办比对疑点"
            }
        }
    }

    public static var groupLabel: String { "信息比对" }

    public var action: Action {
        switch self {
        case .imported: .load
        case .decided: .decide
        case .assigned: .assign
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .imported(_, _, let digest, _, _, _): AuditSubject(.importBatch, String(digest.prefix(16)))
        case .decided(let f, _, _, _), .assigned(let f, _, _): .household(f.household)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .imported(_, _, _, _, _, let county): county
        case .decided(let f, _, _, _), .assigned(let f, _, _): f.village
        }
    }

    public var before: [String: String?]? {
        if case .decided(_, _, _, let before?) = self { return ["核实结论": before] }
        if case .assigned(_, _, let before?) = self { return ["交办给": before] }
        return nil
    }

    public var after: [String: String?]? {
        switch self {
        case .imported(let kind, let file, let digest, let rows, let unmatched, _):
            ["类别": kind.label, "提供部门": kind.department, "文件": file, "SHA-256": digest, "行数": String(rows), "不在名单的行": String(unmatched)]
        case .decided(let f, let outcome, _, _):
            ["规则": f.rule, "证件号码": f.idNumber.isEmpty ? nil : f.idNumber, "说明": f.explanation, "核实结论": outcome]
        case .assigned(let f, let to, _):
            ["规则": f.rule, "证件号码": f.idNumber.isEmpty ? nil : f.idNumber, "说明": f.explanation, "交办给": to]
        }
    }

    public var reason: String? {
        if case .decided(_, _, let reason, _) = self { return reason }
        return nil
    }
}
