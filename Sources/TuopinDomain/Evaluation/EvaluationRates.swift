import Foundation

/// 三率一度 — an evaluation's rates from its sample and interviews (policy-rules §4.1): 错退率 (wrongly exited
/// persons ÷ exited persons sampled, < 2%), 漏评率 (missed persons ÷ non-registered persons sampled, < 2%) and
/// 群众认可度 (approving households ÷ households surveyed, ≥ 90%), each plain and weighted with its interval.
public struct EvaluationRates: Sendable {
    public struct Rate: Sendable {
        public var name: String
        public var estimate: RatioEstimate
        public var threshold: Double
        /// true: the rate must stay under the threshold; false: it must reach it.
        public var mustStayBelow: Bool

        /// Met on the plain ratio, as the official formula decides (nil: no data).
        public var met: Bool? {
            estimate.plain.map { mustStayBelow ? $0 < threshold : $0 >= threshold }
        }

        /// The chance that the true rate misses the threshold.
        public var chanceOfMissing: Double? { estimate.chance(beyond: threshold, above: mustStayBelow) }

        /// "错退率 1.2%（95% 区间 0.4%–2.6%），阈值 < 2%：有 14% 的可能超标".
        public var sentence: String {
            guard let plain = estimate.plain else { return "\(name)：无数据（样本中没有可计算的户）" }
            let interval = estimate.interval.map { "（加权 \(Self.percent(estimate.weighted!))，95% 区间 \(Self.percent($0.lowerBound))–\(Self.percent($0.upperBound))）" } ?? ""
            let bound = mustStayBelow ? "< \(Self.percent(threshold))" : "≥ \(Self.percent(threshold))"
            let risk = chanceOfMissing.map { "：有 \(Int(($0 * 100).rounded()))% 的可能\(mustStayBelow ? "超标" : "不达标")" } ?? ""
            return "\(name) \(Self.percent(plain))\(interval)，阈值 \(bound)\(risk)"
        }

        public static func percent(_ v: Double) -> String {
            let p = v * 100
            return p == p.rounded() ? "\(Int(p))%" : String(format: "%.1f%%", p)
        }
    }

    public var wrongExit: Rate
    public var missed: Rate
    public var approval: Rate
    /// 综合贫困发生率, when the roster gives the population.
    public var incidence: Rate?
    public var all: [Rate] { [wrongExit, missed, approval] + (incidence.map { [$0] } ?? []) }

    /// The rates of a sample; with the county's `population` (from the roster) 漏评率's plain ratio takes the
    /// official base and 综合贫困发生率 (threshold < 3%, the western provinces' line) is estimated too.
    public init(sample: [EvaluationSampler.Pick], interviews: [EvaluationInterview], population: EvaluationPopulation? = nil) {
        let byNumber = Dictionary(interviews.map { ($0.sample, $0) }, uniquingKeysWith: { _, b in b })
        func unit(_ p: EvaluationSampler.Pick, y: Double, x: Double) -> RatioEstimate.Unit {
            RatioEstimate.Unit(stratum: p.villageIsPoor ? "贫困村" : "非贫困村", cluster: p.village.value, weight: 1 / p.probability, y: y, x: x)
        }
        var exits: [RatioEstimate.Unit] = [], outside: [RatioEstimate.Unit] = [], surveyed: [RatioEstimate.Unit] = []
        for p in sample {
            guard let i = byNumber[p.number] else { continue }
            let persons = Double(max(1, p.persons))
            switch p.stratum {
            case .exited: exits.append(unit(p, y: i.verdict == .wrongExit ? persons : 0, x: persons))
            case .nonRegistered: outside.append(unit(p, y: i.verdict == .missed ? persons : 0, x: persons))
            case .poor: break
            }
            if !i.approvals.isEmpty { surveyed.append(unit(p, y: i.approves ? 1 : 0, x: 1)) }
        }
        wrongExit = Rate(name: "错退率", estimate: RatioEstimate(exits), threshold: 0.02, mustStayBelow: true)
        var missedEstimate = RatioEstimate(outside)
        if let population, !outside.isEmpty {
            let villages = Set(sample.map(\.village))
            missedEstimate = missedEstimate.over(base: Double(villages.reduce(0) { $0 + (population.outsideByVillage[$1] ?? 0) }))
        }
        missed = Rate(name: "漏评率", estimate: missedEstimate, threshold: 0.02, mustStayBelow: true)
        approval = Rate(name: "群众认可度", estimate: RatioEstimate(surveyed), threshold: 0.90, mustStayBelow: false)
        incidence = population.flatMap { $0.incidence(wrongExit: wrongExit.estimate, missed: missed.estimate) }
            .map { Rate(name: "综合贫困发生率", estimate: $0, threshold: 0.03, mustStayBelow: true) }
    }

    /// `tuopin rates` and its CSV: 指标,样本数,事件数,比率,加权估计,置信下限,置信上限,阈值,是否达标.
    public static let header = ["指标", "样本数", "事件数", "比率", "加权估计", "置信下限", "置信上限", "阈值", "是否达标"]

    public var rows: [[String]] {
        all.map { r in
            let e = r.estimate
            func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "" }
            return [r.name, String(e.units), e.events == e.events.rounded() ? String(Int(e.events)) : String(format: "%.1f", e.events), f(e.plain), f(e.weighted),
                    f(e.interval?.lowerBound), f(e.interval?.upperBound), (r.mustStayBelow ? "<" : "≥") + String(format: "%.2f", r.threshold),
                    r.met.map { $0 ? "是" : "否" } ?? "无数据"]
        }
    }
}
