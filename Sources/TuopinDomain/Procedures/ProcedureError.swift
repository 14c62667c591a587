/// Why a procedure step was refused.
public enum ProcedureError: Error, Hashable, Sendable, CustomStringConvertible {
    case outOfOrder(expected: ProcedureStep?, got: ProcedureStep)
    case postingNotOver(step: ProcedureStep, endsOn: LocalDate)
    case objectionOpen(count: Int)
    case noPostingRunning
    case noSuchObjection(Int)
    case dateBeforeLastStep(LocalDate)

    public var description: String {
        switch self {
        case .outOfOrder(let expected, let got):
            guard let expected else { return "程序已完成，不能再进行“\(got.rawValue)” / the procedure is finished" }
            return "下一步应为“\(expected.rawValue)”，不能进行“\(got.rawValue)” / the next step is \(expected.rawValue), not \(got.rawValue)"
        case .postingNotOver(let step, let endsOn):
            return "\(step.rawValue)期未满，\(endsOn)起方可进行下一步 / the posting runs until \(endsOn); the next step may not come before it"
        case .objectionOpen(let n):
            return "公示期间有\(n)条异议尚未处理 / \(n) objection(s) to the posting are still open"
        case .noPostingRunning: return "当前不在公示期，不能提出异议 / no posting is running"
        case .noSuchObjection(let i): return "没有第\(i + 1)条异议 / no objection \(i + 1)"
        case .dateBeforeLastStep(let d): return "日期早于上一步（\(d)） / the date is before the last step (\(d))"
        }
    }
}
