/// 问题 — one entry of the problem list (问题清单): what was found where, by which source, who answers for it
/// (责任单位, 责任人), the households concerned, how grave, when found and by when it must be fixed, and how far
/// the fix has got. The issuing level (`issuedBy`: the area of whoever listed it) reviews the fix.
public struct Problem: Hashable, Sendable {
    public typealias ID = TypedID<Problem>
    public var id: ID?
    public var source: ProblemSource
    /// The village, township or county the problem is in.
    public var area: AreaCode
    /// 责任单位 — empty while unclaimed.
    public var unit: String
    /// 责任人 — a cadre of the chain, if named.
    public var owner: Cadre.ID?
    /// 类别 — one of the deployment's check items (八查).
    public var category: String
    public var description: String
    public var households: [Household.ID]
    public var severity: ProblemSeverity
    public var found: LocalDate
    public var deadline: LocalDate
    public var state: ProblemState
    /// The area of the level that listed the problem and reviews its closing.
    public var issuedBy: AreaCode
    /// Who reported the fix last (never the reviewer who closes it).
    public var rectifier: String?
    public var closed: LocalDate?
    /// The inspection that found it, or the work log it came from.
    public var inspection: Inspection.ID?
    public var workLog: WorkLog.ID?
    /// 分办自 — the problem this one was divided from (its share of another unit), if any.
    public var parent: ID?

    public init(id: ID? = nil, source: ProblemSource, area: AreaCode, unit: String = "", owner: Cadre.ID? = nil, category: String,
                description: String, households: [Household.ID] = [], severity: ProblemSeverity, found: LocalDate, deadline: LocalDate,
                state: ProblemState = .unclaimed, issuedBy: AreaCode, rectifier: String? = nil, closed: LocalDate? = nil,
                inspection: Inspection.ID? = nil, workLog: WorkLog.ID? = nil, parent: ID? = nil) {
        self.id = id
        self.source = source
        self.area = area
        self.unit = unit
        self.owner = owner
        self.category = category
        self.description = description
        self.households = households
        self.severity = severity
        self.found = found
        self.deadline = deadline
        self.state = state
        self.issuedBy = issuedBy
        self.rectifier = rectifier
        self.closed = closed
        self.inspection = inspection
        self.workLog = workLog
        self.parent = parent
    }

    /// 逾期 — past its deadline on `date` and not yet closed or applied for closing.
    public func isOverdue(on date: LocalDate) -> Bool {
        (state == .unclaimed || state == .rectifying) && date > deadline
    }

    /// Days past the deadline on `date` (0 when not overdue).
    public func daysOverdue(on date: LocalDate) -> Int {
        isOverdue(on: date) ? date.days(since: deadline) : 0
    }

    /// 升级督办 — the level an overdue problem has escalated to on `date`: one level above its area once it is
    /// more than `afterDays` overdue (a village's problem goes to the township, a township's to the county);
    /// nil when not escalated.
    public func escalatedTo(on date: LocalDate, afterDays: Int) -> AreaCode? {
        guard daysOverdue(on: date) > afterDays else { return nil }
        return area.parent ?? area
    }
}
