import Foundation

/// 入户调查 — one sampled household's interview: when and by whom, the verdict, and the answers to the
/// approval questions (认可 true, 不认可 false, not asked absent).
public struct EvaluationInterview: Hashable, Sendable {
    public var evaluation: Evaluation.ID
    /// 样本编号.
    public var sample: Int
    public var date: LocalDate
    public var interviewer: String
    public var verdict: EvaluationVerdict
    public var approvals: [String: Bool]
    public var note: String
    /// When the form was opened in the household and when it was saved (nil for interviews from paper).
    public var started: Date?
    public var ended: Date?
    /// The questionnaire's answers (item key → answer; unasked items absent).
    public var answers: [String: String] = [:]

    /// Minutes in the household (nil without both times).
    public var minutes: Int? {
        guard let started, let ended, ended >= started else { return nil }
        return Int(ended.timeIntervalSince(started) / 60)
    }

    public init(evaluation: Evaluation.ID, sample: Int, date: LocalDate, interviewer: String, verdict: EvaluationVerdict,
                approvals: [String: Bool], note: String = "") {
        self.evaluation = evaluation
        self.sample = sample
        self.date = date
        self.interviewer = interviewer
        self.verdict = verdict
        self.approvals = approvals
        self.note = note
    }

    public func with(started: Date?, ended: Date?, answers: [String: String]? = nil) -> EvaluationInterview {
        var i = self
        i.started = started
        i.ended = ended
        if let answers { i.answers = answers }
        return i
    }

    /// 认可户: answered at least one approval question and none 不认可.
    public var approves: Bool { !approvals.isEmpty && !approvals.values.contains(false) }

    /// The approval dimensions of policy-rules §4.1.
    public static let approvalItems = ["脱贫攻坚政策", "帮扶措施及成效", "脱贫退出", "干部帮扶"]
}
