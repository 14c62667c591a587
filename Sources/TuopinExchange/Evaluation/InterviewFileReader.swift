import Foundation
import TuopinDomain

/// Reads interviews collected on paper (docs/EVALUATION.md, "Interviews from paper"): 样本编号,访问日期,访问员,核实结论,认可度
/// and, optionally, one column per approval question (脱贫攻坚政策, 帮扶措施及成效, 脱贫退出, 干部帮扶), 说明 and one column per
/// questionnaire item (headed by its question or its key) — CSV or XLSX
/// through the registry import's reader. A cell's faults are named by row and column here; whether the sample
/// number and verdict fit the evaluation is checked against its sample when loading. A file with any fault loads nothing.
public enum InterviewFileReader {
    public struct Row: Sendable {
        public var line: Int
        public var sample: Int
        public var date: LocalDate
        public var interviewer: String
        public var verdict: EvaluationVerdict
        /// Approval item → 认可 (true) / 不认可 (false); absent when not asked.
        public var approvals: [String: Bool]
        public var note: String
        /// The questionnaire's answers, by item key.
        public var answers: [String: String] = [:]
    }

    public struct Result: Sendable {
        public var rows: [Row]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    public static let header = ["样本编号", "访问日期", "访问员", "核实结论", "认可度"]

    static func table(_ q: Questionnaire) -> NamedColumnTable {
        NamedColumnTable(columns: header.map { .init($0, $0, required: $0 != "认可度") }
                         + EvaluationInterview.approvalItems.map { .init($0, $0, required: false) } + [.init("说明", "说明", required: false)]
                         + q.items.map { .init($0.label, $0.key, required: false) })
    }

    static func answer(_ text: String) -> Bool?? {
        switch text {
        case "": .some(nil)
        case "认可", "是": .some(true)
        case "不认可", "否": .some(false)
        default: nil
        }
    }

    public static func read(_ url: URL, today: LocalDate, questionnaire: Questionnaire) -> Result {
        var seen: [Int: Int] = [:]
        let read = table(questionnaire).read(url) { row -> Row? in
            let numberText = row.cell("样本编号")
            var number: Int?
            if let n = Int(numberText), n > 0 {
                if let earlier = seen[n] { row.fail("样本编号", numberText, "与第\(earlier)行重复 / repeats row \(earlier)") } else { seen[n] = row.number; number = n }
            } else {
                row.fail("样本编号", numberText, "应为正整数 / must be a positive whole number")
            }
            var date = ResponsibilityCells.date(&row, "访问日期", today: today, required: true) ?? nil
            if let d = date, d > today {
                row.fail("访问日期", d.description, "晚于今天 / after today")
                date = nil
            }
            let interviewer = ResponsibilityCells.text(&row, "访问员", required: true, max: 40)
            let verdict = EvaluationVerdict.parse(row.cell("核实结论"))
            if verdict == nil {
                row.fail("核实结论", row.cell("核实结论"), "应为 \(EvaluationVerdict.allCases.map(\.rawValue).joined(separator: "、")) / not a verdict")
            }
            var approvals: [String: Bool] = [:]
            let overall: Bool?
            if let o = answer(row.cell("认可度")) { overall = o } else {
                row.fail("认可度", row.cell("认可度"), "应为 认可 或 不认可（或空） / 认可, 不认可 or blank")
                overall = nil
            }
            for item in EvaluationInterview.approvalItems {
                guard let a = answer(row.cell(item)) else { row.fail(item, row.cell(item), "应为 认可 或 不认可（或空） / 认可, 不认可 or blank"); continue }
                if let a { approvals[item] = a } else if let overall { approvals[item] = overall }
            }
            let note = ResponsibilityCells.text(&row, "说明", required: false, freeText: true, max: 500) ?? ""
            let typed = Dictionary(uniqueKeysWithValues: questionnaire.items.map { ($0.key, row.cell($0.label)) })
            let (answers, faults) = questionnaire.check(typed)
            for item in questionnaire.items { if let f = faults[item.key] { row.fail(item.label, typed[item.key] ?? "", f) } }
            guard let number, let date, let interviewer, let verdict, row.isClean else { return nil }
            var r = Row(line: row.number, sample: number, date: date, interviewer: interviewer, verdict: verdict, approvals: approvals, note: note)
            r.answers = answers
            return r
        }
        return Result(rows: read.values, issues: read.issues)
    }
}
