/// 责任覆盖 — whether the chain covers every poor village and household on a date: each required village
/// post held (by enough holders, within its term), each poor household paired with a 帮扶责任人, no helper
/// over the households or villages the layer allows.
public enum CoverageCheck {
    public enum Kind: String, Sendable, CaseIterable {
        case missingPost = "缺岗"
        case understrength = "人数不足"
        case termOver = "任期已满"
        case unpaired = "未结对"
        case overloaded = "帮扶户数超限"
        case spread = "帮扶户分散"
    }

    public struct Gap: Hashable, Sendable {
        public var kind: Kind
        public var area: AreaCode
        public var layer: String
        public var household: Household.ID?
        public var cadre: Cadre.ID?
        /// In Chinese, e.g. "第一书记：无人在岗".
        public var text: String
    }

    /// `poorVillages`: villages registered poor and not exited on `date`; `poorHouseholds`: households not
    /// exited, with their village.
    public static func evaluate(set: ResponsibilitySet, poorVillages: [AreaCode], poorHouseholds: [(id: Household.ID, village: AreaCode)],
                                assignments: [Assignment], pairings: [Pairing], on date: LocalDate) -> [Gap] {
        var gaps: [Gap] = []
        let holding = assignments.filter { $0.holds(on: date) }
        let byAreaLayer = Dictionary(grouping: holding, by: { "\($0.area.value)|\($0.layer)" })
        for village in poorVillages {
            for layer in set.layers where layer.required && layer.scope != .household {
                let area = layer.scope == .village ? village : village.ancestor(at: .township) ?? village
                let holders = byAreaLayer["\(area.value)|\(layer.name)"] ?? []
                if holders.isEmpty {
                    gaps.append(Gap(kind: .missingPost, area: village, layer: layer.name, text: "\(layer.name)：无人在岗"))
                    continue
                }
                if holders.count < layer.minimumHolders {
                    gaps.append(Gap(kind: .understrength, area: village, layer: layer.name,
                                    text: "\(layer.name)：\(holders.count) 人，少于 \(layer.minimumHolders) 人"))
                }
                if let term = layer.termYears {
                    for h in holders where date.days(since: h.start) > term.upperBound * 365 + term.upperBound / 4 {
                        gaps.append(Gap(kind: .termOver, area: village, layer: layer.name, cadre: h.cadre,
                                        text: "\(layer.name)：自 \(h.start) 起已超过 \(term.upperBound) 年任期"))
                    }
                }
            }
        }
        guard let helper = set.layers.first(where: { $0.scope == .household }) else { return gaps }
        let current = pairings.filter { $0.holds(on: date) }
        let pairedHouseholds = Set(current.map(\.household))
        if helper.required {
            for h in poorHouseholds where !pairedHouseholds.contains(h.id) {
                gaps.append(Gap(kind: .unpaired, area: h.village, layer: helper.name, household: h.id, text: "\(helper.name)：未结对"))
            }
        }
        for (cadre, list) in Dictionary(grouping: current, by: \.cadre).sorted(by: { $0.key < $1.key }) {
            if let max = helper.maxHouseholds, list.count > max {
                gaps.append(Gap(kind: .overloaded, area: list[0].village, layer: helper.name, cadre: cadre,
                                text: "\(helper.name)：帮扶 \(list.count) 户，超过 \(max) 户"))
            }
            let villages = Set(list.map(\.village))
            if let max = helper.maxVillages, villages.count > max {
                gaps.append(Gap(kind: .spread, area: list[0].village, layer: helper.name, cadre: cadre,
                                text: "\(helper.name)：帮扶户分散在 \(villages.count) 个村，超过 \(max) 个"))
            }
        }
        return gaps
    }
}
