/// 随机抽样 — the villages and households an unannounced visit goes to, drawn from the registry: villages
/// stratified by township (each township's share in proportion to its villages, largest remainders first, so
/// every township with villages can be drawn), then households spread over the drawn villages in proportion
/// to their households. The same seed and registry give the same draw.
public enum SampleDraw {
    public struct Village: Sendable, Hashable {
        public var code: AreaCode
        public var households: [Household.ID]
        public init(code: AreaCode, households: [Household.ID]) {
            self.code = code
            self.households = households
        }
    }

    public struct Result: Sendable, Equatable {
        public var villages: [AreaCode]
        public var households: [(id: Household.ID, village: AreaCode)]
        public init(villages: [AreaCode], households: [(id: Household.ID, village: AreaCode)]) {
            self.villages = villages
            self.households = households
        }
        public static func == (a: Result, b: Result) -> Bool {
            a.villages == b.villages && a.households.map(\.id) == b.households.map(\.id)
        }
    }

    /// Shares of `total` in proportion to `sizes` (largest remainder), never more than each size.
    static func apportion(_ total: Int, over sizes: [Int]) -> [Int] {
        let sum = sizes.reduce(0, +)
        guard sum > 0 else { return sizes.map { _ in 0 } }
        let want = min(total, sum)
        var shares = sizes.map { $0 * want / sum }
        var left = want - shares.reduce(0, +)
        let order = sizes.indices.sorted { (sizes[$0] * want % sum, -$0) > (sizes[$1] * want % sum, -$1) }
        for i in order where left > 0 && shares[i] < sizes[i] {
            shares[i] += 1
            left -= 1
        }
        return shares
    }

    /// Draws `villageCount` villages and `householdCount` households among them.
    public static func draw(_ villages: [Village], villageCount: Int, householdCount: Int, seed: UInt64) -> Result {
        var random = SeededRandom(seed: seed)
        let codes = self.villages(villages.map { (code: $0.code, households: $0.households.count) }, count: villageCount, random: &random)
        let byCode = Dictionary(uniqueKeysWithValues: villages.map { ($0.code, $0) })
        return Result(villages: codes, households: households(in: codes.compactMap { byCode[$0] }, count: householdCount, random: &random))
    }

    /// The first stage of `draw`: the villages, from each village's size alone (so that a store reads the households
    /// of the drawn villages only). Continue with `households(in:count:random:)` and the same generator.
    public static func villages(_ sizes: [(code: AreaCode, households: Int)], count: Int, random: inout SeededRandom) -> [AreaCode] {
        let sorted = sizes.sorted { $0.code < $1.code }
        let townships = Dictionary(grouping: sorted) { $0.code.ancestor(at: .township) ?? $0.code }
        let keys = townships.keys.sorted()
        let shares = apportion(count, over: keys.map { townships[$0]!.count })
        var chosen: [AreaCode] = []
        for (key, share) in zip(keys, shares) {
            var pool = townships[key]!
            for _ in 0..<share {
                chosen.append(pool.remove(at: random.int(0...(pool.count - 1))).code)
            }
        }
        return chosen.sorted()
    }

    /// The second stage: `count` households spread over the drawn villages in proportion to their households.
    public static func households(in chosen: [Village], count: Int, random: inout SeededRandom) -> [(id: Household.ID, village: AreaCode)] {
        let chosen = chosen.sorted { $0.code < $1.code }
        let perVillage = apportion(count, over: chosen.map(\.households.count))
        var households: [(id: Household.ID, village: AreaCode)] = []
        for (v, n) in zip(chosen, perVillage) {
            var pool = v.households.sorted()
            for _ in 0..<n { households.append((pool.remove(at: random.int(0...(pool.count - 1))), v.code)) }
        }
        return households
    }
}
