/// 扶贫标准 — the standards in force: the poverty line per year, the household checklist per year,
/// province overlays, the village and county exit thresholds, the posting (公示) length and the
/// monitoring (防返贫) parameters. Read from a standards file (`StandardsFile`); every figure keeps its source.
public struct StandardSet: Hashable, Sendable, Codable {
    public var lines: [Int: PovertyLine]
    /// Ascending by `fromYear`.
    public var checklists: [ChecklistPeriod]
    public var overlays: [String: ProvinceOverlay]
    /// Two-digit codes of the western provinces (西部地区), whose incidence limits are 3%.
    public var westernProvinces: Set<String>
    public var westernSource: String
    /// 贫困村退出: 贫困发生率.
    public var villageIncidence: RateThreshold
    /// 贫困县退出: the four veto indicators.
    public var countyIncidence: RateThreshold
    public var wrongExitRate: RateThreshold
    public var missedRate: RateThreshold
    public var recognitionRate: RateThreshold
    /// 公示 — the shortest posting, in days.
    public var postingDays: Int
    public var postingSource: String
    /// 防返贫监测 — flag households whose per-capita income is under this multiple of the line (in hundredths: 150 = 1.5×).
    public var monitoringMultiple: Int
    /// … or whose per-capita income fell by at least this share from the year before.
    public var monitoringIncomeDrop: Percent
    public var monitoringSource: String

    public init(lines: [Int: PovertyLine], checklists: [ChecklistPeriod], overlays: [String: ProvinceOverlay],
                westernProvinces: Set<String>, westernSource: String, villageIncidence: RateThreshold,
                countyIncidence: RateThreshold, wrongExitRate: RateThreshold, missedRate: RateThreshold,
                recognitionRate: RateThreshold, postingDays: Int, postingSource: String,
                monitoringMultiple: Int, monitoringIncomeDrop: Percent, monitoringSource: String) {
        self.lines = lines
        self.checklists = checklists.sorted { $0.fromYear < $1.fromYear }
        self.overlays = overlays
        self.westernProvinces = westernProvinces
        self.westernSource = westernSource
        self.villageIncidence = villageIncidence
        self.countyIncidence = countyIncidence
        self.wrongExitRate = wrongExitRate
        self.missedRate = missedRate
        self.recognitionRate = recognitionRate
        self.postingDays = postingDays
        self.postingSource = postingSource
        self.monitoringMultiple = monitoringMultiple
        self.monitoringIncomeDrop = monitoringIncomeDrop
        self.monitoringSource = monitoringSource
    }

    /// The poverty line of a year, if the standard has one.
    public func line(for year: Int) -> PovertyLine? { lines[year] }

    /// The checklist for a household of a village in a year: the period in force, plus the
    /// province's additions, in verdict-file order.
    public func checklist(year: Int, village: AreaCode) -> [ChecklistItem] {
        let base = checklists.last { $0.fromYear <= year }?.items ?? ChecklistItem.nationalFloor
        guard let overlay = overlays[village.provincePart] else { return base }
        return Array(Set(base + overlay.adds)).sorted()
    }

    public func isWestern(_ area: AreaCode) -> Bool { westernProvinces.contains(area.provincePart) }
}
