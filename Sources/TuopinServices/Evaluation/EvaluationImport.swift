import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

extension EvaluationService {
    /// `tuopin import-interviews` — interviews a team collected on paper, loaded whole into an open evaluation: a
    /// sample number not in the sample or a verdict not for its stratum is a fault at its row, and any fault loads
    /// nothing. Each interview is written (replacing one already recorded) with its `evaluation.interview` record.
    public static func importInterviews(_ read: InterviewFileReader.Result, evaluation id: Evaluation.ID, dryRun: Bool,
                                        in ctx: ServiceContext) async throws -> FileLoadOutcome {
        try ctx.user.require(.manageEvaluations)
        let e = try await visible(id, in: ctx)
        guard e.state == .open else { throw Refused(.conflict, "评估已发布反馈或已结束，不能再导入调查", "the evaluation no longer takes interviews") }
        var issues = read.issues
        let sample = Dictionary(uniqueKeysWithValues: try await EvaluationStore.sample(id, on: ctx.db).map { ($0.pick.number, $0.pick) })
        for r in read.rows {
            guard let pick = sample[r.sample] else {
                issues.append(ImportIssue(row: r.line, column: "样本编号", value: String(r.sample), severity: .error, message: "样本中没有这一户 / not in the sample"))
                continue
            }
            if !EvaluationVerdict.allowed(for: pick.stratum).contains(r.verdict) {
                issues.append(ImportIssue(row: r.line, column: "核实结论", value: r.verdict.rawValue, severity: .error,
                                          message: "\(pick.stratum.rawValue)的核实结论应为 \(EvaluationVerdict.allowed(for: pick.stratum).map(\.rawValue).joined(separator: "、")) / not a verdict for this stratum"))
            }
        }
        guard !issues.contains(where: { $0.severity == .error }) else { return .init(issues: issues, rows: read.rows.count, changed: 0, written: false) }
        guard !dryRun else { return .init(issues: issues, rows: read.rows.count, changed: read.rows.count, written: false) }
        let before = Dictionary(try await EvaluationStore.interviews(id, on: ctx.db).map { ($0.sample, $0) }, uniquingKeysWith: { _, b in b })
        try await ctx.transaction { tx in
            for r in read.rows {
                var i = EvaluationInterview(evaluation: id, sample: r.sample, date: r.date, interviewer: r.interviewer, verdict: r.verdict,
                                            approvals: r.approvals, note: r.note)
                i.answers = r.answers
                try await EvaluationStore.save(i, on: tx.db)
                try await tx.record(EvaluationEvent.interviewed(e, i, before: before[r.sample]))
            }
        }
        return .init(issues: issues, rows: read.rows.count, changed: read.rows.count, written: true)
    }
}
