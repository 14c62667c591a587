/// 抽样方案 — how many villages (about 25, two thirds of them poor villages, policy-rules §4.1) and how many
/// households of each stratum in each sampled village (defaults 30 exited, 10 still poor, 30 not registered: about
/// half inside and half outside the register, ≈ 1,750 households a county).
public struct EvaluationDesign: Hashable, Sendable {
    public var villages: Int
    /// Share of the sampled villages that are poor villages (贫困村).
    public var poorShare: Double
    public var perVillage: [EvaluationStratum: Int]

    public init(villages: Int = 25, poorShare: Double = 2.0 / 3.0,
                perVillage: [EvaluationStratum: Int] = [.exited: 30, .poor: 10, .nonRegistered: 30]) {
        self.villages = villages
        self.poorShare = poorShare
        self.perVillage = perVillage
    }

    /// "a,b,c" as on the command line: exited, still poor, not registered per village.
    public static func perVillage(_ text: String) -> [EvaluationStratum: Int]? {
        let n = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard n.count == 3, n.allSatisfy({ ($0 ?? -1) >= 0 && ($0 ?? 0) <= 1000 }) else { return nil }
        return [.exited: n[0]!, .poor: n[1]!, .nonRegistered: n[2]!]
    }
}
