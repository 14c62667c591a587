/// 核实结论 — the evaluator's finding on a sampled household: an exit that holds (正确脱贫) or not (错退), a
/// registered poor household rightly still poor (正确未脱贫), a household outside the register that meets the
/// standard (漏评) or does not (非贫困).
public enum EvaluationVerdict: String, Vocabulary {
    case rightExit = "正确脱贫"
    case wrongExit = "错退"
    case rightPoor = "正确未脱贫"
    case missed = "漏评"
    case notPoor = "非贫困"

    /// The verdicts a household of a stratum can have.
    public static func allowed(for stratum: EvaluationStratum) -> [EvaluationVerdict] {
        switch stratum {
        case .exited: [.rightExit, .wrongExit]
        case .poor: [.rightPoor]
        case .nonRegistered: [.missed, .notPoor]
        }
    }

    /// A finding the county may appeal and that becomes a problem when upheld.
    public var isFinding: Bool { self == .wrongExit || self == .missed }
}
