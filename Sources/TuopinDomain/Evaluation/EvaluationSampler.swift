/// 抽样 — draws an evaluation's sample from the county's frame, reproducibly from its seed: villages by simple
/// random sampling without replacement within two strata (poor and non-poor villages, the poor share of the
/// design), then in each sampled village households of each stratum the same way. Each household keeps its
/// selection probability (village's × household's within it), so that rates can be weighted
/// (`RatioEstimate`). The frame is sorted before drawing: the same frame and seed give the same sample.
public enum EvaluationSampler {
    /// One village of the frame with its households by stratum (an ID: the registry's household or the
    /// roster's 户号; and how many persons it has).
    public struct Village: Sendable, Hashable {
        public var code: AreaCode
        public var isPoor: Bool
        public var households: [EvaluationStratum: [Unit]]
        public init(code: AreaCode, isPoor: Bool, households: [EvaluationStratum: [Unit]]) {
            self.code = code
            self.isPoor = isPoor
            self.households = households
        }
    }

    public struct Unit: Sendable, Hashable, Comparable {
        /// 户编号 of a registered household, 户号 of a roster household.
        public var key: String
        public var persons: Int
        public init(key: String, persons: Int) {
            self.key = key
            self.persons = persons
        }
        public static func < (a: Unit, b: Unit) -> Bool { a.key < b.key }
    }

    /// One sampled household.
    public struct Pick: Sendable, Hashable {
        /// 样本编号, from 1 in the order drawn.
        public var number: Int
        public var village: AreaCode
        public var villageIsPoor: Bool
        public var stratum: EvaluationStratum
        public var key: String
        public var persons: Int
        /// 入样概率.
        public var probability: Double

        public init(number: Int, village: AreaCode, villageIsPoor: Bool, stratum: EvaluationStratum, key: String, persons: Int, probability: Double) {
            self.number = number
            self.village = village
            self.villageIsPoor = villageIsPoor
            self.stratum = stratum
            self.key = key
            self.persons = persons
            self.probability = probability
        }
    }

    /// A village of the frame as the first stage sees it: its code and whether it is a poor village.
    public struct VillageEntry: Sendable, Hashable {
        public var code: AreaCode
        public var isPoor: Bool
        public init(code: AreaCode, isPoor: Bool) {
            self.code = code
            self.isPoor = isPoor
        }
    }

    /// A drawn village and its selection probability.
    public struct DrawnVillage: Sendable, Hashable {
        public var village: VillageEntry
        public var probability: Double
    }

    public static func draw(_ frame: [Village], design: EvaluationDesign, seed: UInt64) -> [Pick] {
        var random = generator(seed)
        let chosen = villages(frame.map { VillageEntry(code: $0.code, isPoor: $0.isPoor) }, design: design, random: &random)
        let byCode = Dictionary(frame.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return households(chosen, of: byCode, design: design, random: &random)
    }

    /// The generator a draw from `seed` uses; pass it through both stages.
    public static func generator(_ seed: UInt64) -> SeededRandom { SeededRandom(seed: seed &+ 0xE7A1) }

    /// The first stage: villages by simple random sampling within the poor and the non-poor villages (so that a
    /// store reads the households of the drawn villages only). Poor villages first, each kind in code order.
    public static func villages(_ frame: [VillageEntry], design: EvaluationDesign, random: inout SeededRandom) -> [DrawnVillage] {
        let poor = frame.filter(\.isPoor).sorted { $0.code < $1.code }
        let other = frame.filter { !$0.isPoor }.sorted { $0.code < $1.code }
        var wantPoor = Int((Double(design.villages) * design.poorShare).rounded())
        var wantOther = design.villages - wantPoor
        // Too few villages of one kind: the other takes the rest.
        if wantPoor > poor.count { wantOther += wantPoor - poor.count; wantPoor = poor.count }
        if wantOther > other.count { wantPoor = min(poor.count, wantPoor + wantOther - other.count); wantOther = other.count }
        var drawn: [DrawnVillage] = []
        for (villages, want) in [(poor, wantPoor), (other, wantOther)] where want > 0 {
            let p = Double(want) / Double(villages.count)
            drawn += choose(want, of: villages, &random).sorted { $0.code < $1.code }.map { DrawnVillage(village: $0, probability: p) }
        }
        return drawn
    }

    /// The second stage: in each drawn village, households of each stratum by simple random sampling, numbered
    /// from 1 in the order drawn. `frame` holds the drawn villages' households (a village missing has none).
    public static func households(_ chosen: [DrawnVillage], of frame: [AreaCode: Village], design: EvaluationDesign,
                                  random: inout SeededRandom) -> [Pick] {
        var picks: [Pick] = []
        for d in chosen {
            let v = d.village
            for stratum in EvaluationStratum.allCases {
                let units = (frame[v.code]?.households[stratum] ?? []).sorted()
                let k = min(design.perVillage[stratum] ?? 0, units.count)
                guard k > 0 else { continue }
                let pHousehold = Double(k) / Double(units.count)
                for u in choose(k, of: units, &random).sorted() {
                    picks.append(Pick(number: picks.count + 1, village: v.code, villageIsPoor: v.isPoor, stratum: stratum, key: u.key,
                                      persons: u.persons, probability: d.probability * pHousehold))
                }
            }
        }
        return picks
    }

    /// `k` of `items` without replacement (a partial Fisher–Yates shuffle).
    static func choose<T>(_ k: Int, of items: [T], _ random: inout SeededRandom) -> [T] {
        var pool = items
        let n = min(k, pool.count)
        for i in 0..<n {
            let j = i + Int(random.next() % UInt64(pool.count - i))
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(n))
    }
}
