/// Why a procedure step was refused.
public enum ProcedureError: Refusal, Hashable {
    case outOfOrder(expected: ProcedureStep?, got: ProcedureStep)
    case postingNotOver(step: ProcedureStep, endsOn: LocalDate)
    case objectionOpen(count: Int)
    case noPostingRunning
    case noSuchObjection(Int)
    case dateBeforeLastStep(LocalDate)

    public var kind: RefusalKind {
        switch self {
        case .noSuchObjection: .notFound
        case .dateBeforeLastStep: .invalid
        case .outOfOrder, .postingNotOver, .objectionOpen, .noPostingRunning: .conflict
        }
    }

    public var chinese: String {
        switch self {
        case .outOfOrder(let expected, let got):
            guard let expected else { return "程序已完成，不能再进行“\(got.rawValue)”" }
            return "下一步应为“\(expected.rawValue)”，不能进行“\(got.rawValue)”"
        case .postingNotOver(let step, let endsOn): return "\(step.rawValue)期未满，\(endsOn)起方可进行下一步"
        case .objectionOpen(let n): return "公示期间有\(n)条异议尚未处理"
        case .noPostingRunning: return "当前不在公示期，不能提出异议"
        case .noSuchObjection(let i): return "没有第\(i + 1)条异议"
        case .dateBeforeLastStep(let d): return "日期早于上一步（\(d)）"
        }
    }

    public var english: String {
        switch self {
        case .outOfOrder(let expected, let got):
            guard let expected else { return "the procedure is finished" }
            return "the next step is \(expected.rawValue), not \(got.rawValue)"
        case .postingNotOver(_, let endsOn): return "the posting runs until \(endsOn); the next step may not come before it"
        case .objectionOpen(let n): return "\(n) objection(s) to the posting are still open"
        case .noPostingRunning: return "no posting is running"
        case .noSuchObjection(let i): return "no objection \(i + 1)"
        case .dateBeforeLastStep(let d): return "the date is before the last step (\(d))"
        }
    }

    public var field: String? {
        if case .dateBeforeLastStep = self { return "date" }
        return nil
    }
}
