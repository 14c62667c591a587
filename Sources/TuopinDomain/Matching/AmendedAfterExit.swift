/// 公告后改数 — the second half of pattern (f) of 数字脱贫: a household's exit-year income, its 脱贫年度 or its members
/// changed by hand after its exit was announced (公告, the exit procedure's step before 销号), when the figures the
/// village posted and the county announced should stand (issue #17 item 3 (f); policy-rules §7.4).
extension PaperExitPatterns {
    /// An edit of a household's record made after its exit's 公告: who, when, and which recorded fields changed.
    public struct AmendedRecord: Sendable, Hashable {
        public var household: Household.ID
        public var actor: String
        public var day: LocalDate
        /// The day the exit was announced.
        public var announced: LocalDate
        /// The fields the edit changed, by their registry names ("2018年收入", "脱贫年度", "成员 …").
        public var fields: [String]
        public init(household: Household.ID, actor: String, day: LocalDate, announced: LocalDate, fields: [String]) {
            self.household = household
            self.actor = actor
            self.day = day
            self.announced = announced
            self.fields = fields
        }
    }

    /// (f): one flag per household that exited in `year` and whose exit-year income, exit year or members were edited
    /// after the exit's announcement; edits of other fields (a phone number, a housing grade) are left alone.
    public static func amendedAfterExit(_ edits: [AmendedRecord], known: [Household.ID: (number: String, village: AreaCode, exitYear: Int?)],
                                        year: Int) -> [Suspicion] {
        var found: [Household.ID: Suspicion] = [:]
        let income = "\(year)年收入"
        for edit in edits.sorted(by: { $0.day < $1.day }) {
            guard let k = known[edit.household], k.exitYear == year else { continue }
            let material = edit.fields.filter { $0 == income || $0 == "脱贫年度" || $0.hasPrefix("成员 ") }
            guard !material.isEmpty else { continue }
            let what = material.map { $0.hasPrefix("成员 ") ? "家庭成员" : $0 }
            var unique: [String] = []
            for w in what where !unique.contains(w) { unique.append(w) }
            if var s = found[edit.household] {
                s.score = min(90, s.score + 5)
                s.explanation += "；\(edit.day)账号\(edit.actor)又改了\(unique.joined(separator: "、"))"
                found[edit.household] = s
            } else {
                found[edit.household] = Suspicion(household: edit.household, number: k.number, village: k.village, pattern: .amended, year: year,
                                                  score: 75,
                                                  explanation: "此户脱贫已于\(edit.announced)公告，\(edit.day)账号\(edit.actor)仍修改了\(unique.joined(separator: "、"))")
            }
        }
        return found.values.sorted { $0.number < $1.number }
    }
}
