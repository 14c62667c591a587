import TuopinDomain

/// What a registry reader checks against.
public struct RegistryReadOptions: Sendable {
    /// The county being loaded: every village code must lie under it.
    public var county: AreaCode?
    /// Birth dates after this day are refused; years after its year too.
    public var today: LocalDate
    /// Region-code validity, for the warning on ID numbers.
    public var regionHistory: RegionCodeHistory
    /// 12-digit codes of known townships; a village under another township gets a warning.
    public var knownTownships: Set<AreaCode>?
    /// The XLSX sheet to read (the first when nil).
    public var sheet: String?

    public init(county: AreaCode? = nil, today: LocalDate, regionHistory: RegionCodeHistory,
                knownTownships: Set<AreaCode>? = nil, sheet: String? = nil) {
        self.county = county
        self.today = today
        self.regionHistory = regionHistory
        self.knownTownships = knownTownships
        self.sheet = sheet
    }
}
