/// 职责规则 — a minimum a post's holder must reach each month (or quarter, or year), with its source: days
/// worked in the village, nights there, visits to each paired household, meetings. Loaded from the duty
/// rules file (docs/RESPONSIBILITY.md); a deployment replaces it with its own.
public struct DutyRule: Hashable, Sendable {
    /// What is counted, from the work logs.
    public enum Measure: String, Sendable, CaseIterable {
        /// Distinct days with a visit or village work in the posted area.
        case daysInArea = "在村天数"
        /// Nights stayed in the posted area.
        case nightsInArea = "住村夜数"
        /// Visits to the posted area (days with any work there).
        case areaVisits = "到村次数"
        /// Visits to each paired household: the household visited least is counted.
        case visitsPerHousehold = "每户走访次数"
        case meetings = "会议次数"

        public var unit: String {
            switch self {
            case .daysInArea: "天"
            case .nightsInArea: "夜"
            case .areaVisits, .visitsPerHousehold, .meetings: "次"
            }
        }
    }

    public var layer: String
    public var measure: Measure
    public var minimum: Int
    /// The period the minimum applies to.
    public var per: DutyPeriod.Length
    /// Where the rule comes from (a document, a seed's words).
    public var source: String

    public init(layer: String, measure: Measure, minimum: Int, per: DutyPeriod.Length, source: String) {
        self.layer = layer
        self.measure = measure
        self.minimum = minimum
        self.per = per
        self.source = source
    }

    /// "在村天数 ≥ 20 天/月"
    public var text: String { "\(measure.rawValue) ≥ \(minimum) \(measure.unit)/\(per.rawValue)" }

    /// The minimum over a period (a monthly rule over a quarter asks three times as much); nil when the
    /// period is shorter than the rule's own (a yearly rule is not checked in a month).
    public func required(over period: DutyPeriod) -> Int? {
        let ruleMonths = per == .month ? 1 : per == .quarter ? 3 : 12
        guard period.months >= ruleMonths else { return nil }
        return minimum * period.months / ruleMonths
    }
}
