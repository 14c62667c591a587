/// 督查 — an inspection: its kind (明察, 暗访, 自查, 上级督查, 巡察, 审计, 第三方评估), the team (accounts and
/// names), the dates, the areas covered and the method. For an unannounced visit (暗访) the villages and
/// households to visit are drawn at random (`SampleDraw`) and stay hidden from everyone but the team until
/// the inspection is closed.
public struct Inspection: Hashable, Sendable {
    public typealias ID = TypedID<Inspection>
    public var id: ID?
    public var kind: ProblemSource
    public var title: String
    /// The team's accounts: they alone see an open inspection's draw.
    public var team: [String]
    public var start: LocalDate
    public var end: LocalDate
    /// The county or townships covered.
    public var area: AreaCode
    public var method: String
    /// The seed of the draw (reproducible), if one was drawn.
    public var seed: UInt64?
    public var closed: Bool
    /// The level that ordered it (the problems it finds are issued by this level).
    public var issuedBy: AreaCode

    public init(id: ID? = nil, kind: ProblemSource, title: String, team: [String], start: LocalDate, end: LocalDate, area: AreaCode,
                method: String, seed: UInt64? = nil, closed: Bool = false, issuedBy: AreaCode) {
        self.id = id
        self.kind = kind
        self.title = title
        self.team = team
        self.start = start
        self.end = end
        self.area = area
        self.method = method
        self.seed = seed
        self.closed = closed
        self.issuedBy = issuedBy
    }

    /// Whether `username` may see the draw: the team always; anyone else only once the inspection is closed.
    public func showsDraw(to username: String) -> Bool { closed || team.contains(username) }
}
