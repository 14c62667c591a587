/// 分办 — one unit's share of a problem the issuing level divides among several units, each answering for its part
/// by its own deadline (issue #15 item 2; second-wave anchors (b): dcdb's `td_taskassign_unit`, one row per
/// responsible unit with its own 办结时限). The problem keeps the first share; each other share becomes a problem of
/// its own that names the first as the one it was divided from (`Problem.parent`), and goes through the same loop.
public struct ProblemShare: Sendable, Hashable {
    public var unit: String
    public var owner: Cadre.ID?
    public var deadline: LocalDate

    public init(unit: String, owner: Cadre.ID? = nil, deadline: LocalDate) {
        self.unit = unit
        self.owner = owner
        self.deadline = deadline
    }

    /// At most this many units share one problem.
    public static let most = 10

    /// Why these shares cannot divide a problem found on `found`, on `date` (nil: they can): two to ten units, each
    /// named once (at most 60 characters), each deadline after today and within a year.
    public static func refusal(_ shares: [ProblemShare], on date: LocalDate) -> Refused? {
        guard shares.count >= 2 else { return Refused(.invalid, "分办至少需要两个责任单位", "a division needs at least two units", field: "shares") }
        guard shares.count <= most else { return Refused(.invalid, "分办最多\(most)个单位", "at most \(most) units", field: "shares") }
        var seen = Set<String>()
        for (n, s) in shares.enumerated() {
            let unit = s.unit.trimmingCharacters(in: .whitespaces)
            guard !unit.isEmpty else { return Refused(.invalid, "第\(n + 1)行：请填写责任单位", "row \(n + 1): give the unit", field: "unit_\(n)") }
            guard unit.count <= 60 else { return Refused(.invalid, "第\(n + 1)行：责任单位不超过60字", "row \(n + 1): at most 60 characters", field: "unit_\(n)") }
            guard seen.insert(unit).inserted else {
                return Refused(.invalid, "第\(n + 1)行：责任单位“\(unit)”重复", "row \(n + 1): unit \(unit) named twice", field: "unit_\(n)")
            }
            guard s.deadline > date, s.deadline <= date.adding(days: 366) else {
                return Refused(.invalid, "第\(n + 1)行：整改期限应在今天之后、一年之内", "row \(n + 1): the deadline must be after today and within a year",
                               field: "deadline_\(n)")
            }
        }
        return nil
    }
}

extension Problem {
    /// The problems the other shares become (the first share stays with this problem, through `take(.divide)`):
    /// the same finding, households and issuing level, each with its unit, owner and deadline, 整改中.
    public func parts(for shares: [ProblemShare]) -> [Problem] {
        shares.dropFirst().map { s in
            var p = self
            p.id = nil
            p.parent = id
            p.unit = s.unit.trimmingCharacters(in: .whitespaces)
            p.owner = s.owner
            p.deadline = s.deadline
            p.state = .rectifying
            p.rectifier = nil
            p.closed = nil
            return p
        }
    }
}
