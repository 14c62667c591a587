/// 到户资金与防漏的痕迹 — a department's payment list loaded, and a decision on a leak flag.
public enum BenefitsEvent: AuditEvent {
    case imported(policy: String, department: String, file: String, digest: String, rows: Int, unmatched: Int, county: AreaCode)
    case decided(LeakCheck.Flag, outcome: LeakOutcome, reason: String, before: String?)

    public enum Action: String, AuditActionKind {
        case load = "benefits.import"
        case decide = "leak.decide"

        public var label: String {
            switch self {
            case .load: "导入到户资金发放名单"
            case .decide: "核实防漏疑点"
            }
        }
    }

    public static var groupLabel: String { "到户资金" }

    public var action: Action {
        switch self {
        case .imported: .load
        case .decided: .decide
        }
    }

    public var subject: AuditSubject {
        switch self {
        case .imported(_, _, _, let digest, _, _, _): AuditSubject(.benefitBatch, String(digest.prefix(16)))
        case .decided(let f, _, _, _): f.household.map { .household($0) } ?? AuditSubject(.benefitBatch, f.idNumber)
        }
    }

    public var area: AreaCode? {
        switch self {
        case .imported(_, _, _, _, _, _, let county): county
        case .decided(let f, _, _, _): f.village
        }
    }

    public var before: [String: String?]? {
        if case .decided(_, _, _, let before?) = self { return ["核实结论": before] }
        return nil
    }

    public var after: [String: String?]? {
        switch self {
        case .imported(let policy, let department, let file, let digest, let rows, let unmatched, _):
            ["政策": policy, "发放部门": department, "文件": file, "SHA-256": digest, "行数": String(rows), "不在名单的行": String(unmatched)]
        case .decided(let f, let outcome, _, _):
            ["年度": String(f.year), "证件号码": f.idNumber, "政策": f.policy, "规则": f.rule.rawValue, "金额": f.amount.plainYuan, "说明": f.note,
             "核实结论": outcome.rawValue]
        }
    }

    public var reason: String? {
        if case .decided(_, _, let reason, _) = self { return reason }
        return nil
    }
}
