/// 督查规则 — a deployment's check items (八查 or its own list: the categories problems are filed under), the
/// default deadline for each severity (限时整改), and after how many days overdue a problem escalates one
/// level. Read from the supervision rules file (docs/SUPERVISION.md); a fault names the line.
public struct SupervisionRules: Sendable, Equatable {
    public var checkItems: [String]
    public var deadlineDays: [ProblemSeverity: Int]
    public var escalateAfterDays: Int

    public init(checkItems: [String], deadlineDays: [ProblemSeverity: Int], escalateAfterDays: Int) {
        self.checkItems = checkItems
        self.deadlineDays = deadlineDays
        self.escalateAfterDays = escalateAfterDays
    }

    /// The default deadline of a problem found on `found`.
    public func deadline(for severity: ProblemSeverity, found: LocalDate) -> LocalDate {
        found.adding(days: deadlineDays[severity] ?? 30)
    }

    public typealias Fault = LineFault

    /// Parses the file: `[检查项目]` (one item a line), `[整改期限]` (`一般 | 30`), `[升级]` (`逾期天数 | 7`);
    /// `#` starts a comment. Every severity needs a deadline, and there must be at least one check item.
    public static func parse(_ text: String) throws(Fault) -> SupervisionRules {
        var section = ""
        var items: [String] = [], days: [ProblemSeverity: Int] = [:], escalate: Int?
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                guard ["检查项目", "整改期限", "升级"].contains(section) else {
                    throw Fault(line: lineNumber, chinese: "未知的段“\(section)”（应为 检查项目、整改期限 或 升级）", english: "unknown section \(section)")
                }
                continue
            }
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            switch section {
            case "检查项目":
                guard !parts[0].isEmpty, parts[0].count <= 30, !items.contains(parts[0]) else {
                    throw Fault(line: lineNumber, chinese: "检查项目应为不重复、不超过30字的名称", english: "a check item must be a unique name of at most 30 characters")
                }
                items.append(parts[0])
            case "整改期限":
                guard parts.count == 2, let severity = ProblemSeverity.parse(parts[0]), let n = Int(parts[1]), (1...365).contains(n) else {
                    throw Fault(line: lineNumber, chinese: "应为“严重程度 | 天数”，严重程度为 一般、较重 或 严重，天数 1–365", english: "expected 'severity | days' (1–365)")
                }
                days[severity] = n
            case "升级":
                guard parts.count == 2, parts[0] == "逾期天数", let n = Int(parts[1]), (0...365).contains(n) else {
                    throw Fault(line: lineNumber, chinese: "应为“逾期天数 | 天数”（0–365）", english: "expected '逾期天数 | days' (0–365)")
                }
                escalate = n
            default:
                throw Fault(line: lineNumber, chinese: "内容应在某一段（[检查项目]、[整改期限]、[升级]）之下", english: "a line must follow a section heading")
            }
        }
        guard !items.isEmpty else { throw Fault(line: lineNumber, chinese: "至少需要一个检查项目", english: "at least one check item is needed") }
        if let missing = ProblemSeverity.allCases.first(where: { days[$0] == nil }) {
            throw Fault(line: lineNumber, chinese: "缺少“\(missing.rawValue)”问题的整改期限", english: "no deadline for \(missing.rawValue)")
        }
        return SupervisionRules(checkItems: items, deadlineDays: days, escalateAfterDays: escalate ?? 0)
    }
}
