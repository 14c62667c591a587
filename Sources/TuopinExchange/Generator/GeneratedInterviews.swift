import TuopinDomain

/// 入户调查 for the demo's pre-evaluation: about two thirds of the sample interviewed, a few exits found wrong
/// (about 2%, so that the interval straddles the threshold), most households approving, a few not approving
/// the exit; the roster's planted 漏评 households found missed (`GeneratedRoster`, same seed). The same for the
/// same seed.
public enum GeneratedInterviews {
    public struct Answer: Sendable {
        public var sample: Int
        public var verdict: EvaluationVerdict
        public var approvals: [String: String]
        public var note: String
    }

    public static func make(_ sample: [EvaluationSampler.Pick], seed: UInt64) -> [Answer] {
        var random = SeededRandom(seed: seed &+ 0x1_7E57)
        var answers: [Answer] = []
        for p in sample where random.chance(0.68) {
            let verdict: EvaluationVerdict = switch p.stratum {
            case .exited: random.chance(0.02) ? .wrongExit : .rightExit
            case .poor: .rightPoor
            case .nonRegistered: GeneratedRoster.isPlanted(p.key, seed: seed) ? .missed : .notPoor
            }
            var approvals: [String: String] = [:]
            for item in EvaluationInterview.approvalItems { approvals[item] = random.chance(0.985) ? "认可" : "不认可" }
            let note = verdict == .wrongExit ? "家中主要劳动力长期患病，务工收入不稳定，人均纯收入低于标准" : ""
            answers.append(Answer(sample: p.number, verdict: verdict, approvals: approvals, note: note))
        }
        return answers
    }
}
