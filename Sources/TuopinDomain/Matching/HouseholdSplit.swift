/// 分户 — pattern (d) of 数字脱贫: a household that, in the year before its exit, moved its elderly or disabled members
/// into a separate household, so that what it earned, divided among fewer, cleared the line (issue #17 item 3 (d);
/// policy-rules §7.4, the editorials' "把老人单独分户"). Read from the registry's history: the audit trail shows a
/// member leaving one household's record, and the registry shows the same person (name and the last four digits of
/// the ID number) in another household now.
extension PaperExitPatterns {
    /// A member removed from a household's record, as the audit trail names them ("成员 姓名（证件尾号1234）").
    public struct MemberMove: Sendable, Hashable {
        public var from: Household.ID
        public var name: String
        public var idSuffix: String
        public var day: LocalDate
        /// The audit record's sequence number: the order of events on one day.
        public var sequence: Int64
        public init(from: Household.ID, name: String, idSuffix: String, day: LocalDate, sequence: Int64) {
            self.from = from
            self.name = name
            self.idSuffix = idSuffix
            self.day = day
            self.sequence = sequence
        }
    }

    /// When the record first said a household exited in a year (its 脱贫年度 set to it).
    public struct ExitRecord: Sendable, Hashable {
        public var day: LocalDate
        public var sequence: Int64
        public init(day: LocalDate, sequence: Int64) {
            self.day = day
            self.sequence = sequence
        }
    }

    /// A moved member counts when 60 or older at the end of the year before the exit, or disabled.
    public static let elderlyAge = 60

    /// (d): households that exited in `year` whose record lost, before its exit was recorded and in the exit year or the
    /// one before it (or within `days` before the exit record, for a registry whose history was loaded late), members
    /// now found in another household who are elderly or disabled, and whose exit-year per-capita income clears the
    /// line only without them. Where the trail holds no exit record, the exit year and the one before it count.
    public static func splits(_ households: [(Household.ID, Household)], moves: [MemberMove], exits: [Household.ID: ExitRecord],
                              year: Int, standard: StandardSet, days: Int = 366) -> [Suspicion] {
        guard let line = standard.line(for: year)?.amount, !moves.isEmpty else { return [] }
        var byPerson: [String: (Household.ID, Household, Member)] = [:]
        for (id, h) in households {
            for m in h.members { byPerson["\(m.name)|\(m.id.number.suffix(4))"] = (id, h, m) }
        }
        let movesFrom = Dictionary(grouping: moves, by: \.from)
        let reference = LocalDate.yearEnd(year - 1)
        var found: [Suspicion] = []
        for (id, h) in households where h.exitYear == year {
            guard let out = movesFrom[id], let net = h.income(for: year)?.net, !h.members.isEmpty else { continue }
            let inTime = out.filter { move in
                guard let exit = exits[id] else { return move.day.year == year || move.day.year == year - 1 }
                return move.sequence <= exit.sequence && (move.day.year >= year - 1 || move.day.dayNumber >= exit.day.dayNumber - days)
            }
            var moved: [(Member, Household, LocalDate)] = []
            for move in inTime {
                guard let (other, home, m) = byPerson["\(move.name)|\(move.idSuffix)"], other != id,
                      !moved.contains(where: { $0.0.id.number == m.id.number }) else { continue }
                guard m.birthDate.age(on: reference) >= elderlyAge || m.health == .disabled || m.id.disabilitySuffix != nil else { continue }
                moved.append((m, home, move.day))
            }
            guard !moved.isEmpty else { continue }
            let remaining = net.divided(by: h.members.count), together = net.divided(by: h.members.count + moved.count)
            guard remaining >= line, together < line else { continue }
            let who = moved.map { m, _, _ in
                "\(m.name)（\(m.birthDate.age(on: reference))岁\(m.health == .disabled || m.id.disabilitySuffix != nil ? "，残疾" : "")）"
            }.joined(separator: "、")
            let homes = Set(moved.map(\.1.number)).sorted().joined(separator: "、")
            found.append(Suspicion(household: id, number: h.number, village: h.villageCode, pattern: .split, year: year,
                                   score: min(90, 70 + moved.count * 5),
                                   explanation: "\(moved.map(\.2).min()!)起\(who)从本户分出，现在户\(homes)；分户后\(h.members.count)人，\(year)年人均纯收入\(remaining.compactYuan)元，过标准\(line.compactYuan)元，若按分户前\(h.members.count + moved.count)人计仅\(together.compactYuan)元"))
        }
        return found
    }
}
