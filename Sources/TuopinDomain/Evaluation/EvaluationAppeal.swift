/// 申诉举证 — the county contests a published finding (错退 or 漏评) with its evidence within the appeal window
/// (default 7 days from the feedback); the evaluator upholds the finding (维持) or withdraws it (撤销), which
/// turns the verdict into 正确脱贫 / 非贫困 and so changes the rates. A finding still standing when the evaluation
/// closes becomes a problem for rectification (source 第三方评估).
public struct EvaluationAppeal: Hashable, Sendable {
    public enum Decision: String, Vocabulary {
        case upheld = "维持"
        case withdrawn = "撤销"
    }

    public var evaluation: Evaluation.ID
    public var sample: Int
    public var reason: String
    public var appellant: String
    public var filed: LocalDate
    public var decision: Decision?
    public var decider: String?
    public var note: String

    public init(evaluation: Evaluation.ID, sample: Int, reason: String, appellant: String, filed: LocalDate, decision: Decision? = nil,
                decider: String? = nil, note: String = "") {
        self.evaluation = evaluation
        self.sample = sample
        self.reason = reason
        self.appellant = appellant
        self.filed = filed
        self.decision = decision
        self.decider = decider
        self.note = note
    }

    /// The days after the feedback within which the county appeals, unless the evaluation sets its own (1–30).
    public static let windowDays = 7
    public static let windowRange = 1...30

    /// Whether an appeal of `verdict` may be filed on `date`, the feedback having been published on `feedback`.
    public static func check(verdict: EvaluationVerdict, state: Evaluation.State, feedback: LocalDate?, on date: LocalDate,
                             existing: EvaluationAppeal?, windowDays: Int = windowDays) -> Refused? {
        guard verdict.isFinding else { return Refused(.invalid, "只能对错退、漏评的结论申诉", "only a 错退 or 漏评 finding is appealed", field: "reason") }
        guard state == .feedback, let feedback else { return Refused(.conflict, "评估发布反馈后、结束前才能申诉", "appeals are filed during the feedback") }
        guard date <= feedback.adding(days: windowDays) else {
            return Refused(.conflict, "已超过申诉期限（反馈后\(windowDays)天，截至 \(feedback.adding(days: windowDays))）", "the appeal window has passed")
        }
        guard existing == nil else { return Refused(.conflict, "这一结论已经申诉过", "this finding has been appealed already") }
        return nil
    }
}
