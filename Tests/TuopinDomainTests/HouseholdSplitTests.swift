import Testing
@testable import TuopinDomain

/// Issue #17 item 3 (d), policy-rules §7.4: elderly or disabled members split into a household of their own the year
/// before the exit, so that the same income over fewer heads clears the line.
@Suite struct HouseholdSplitTests {
    typealias F = ExitTestFixtures

    /// H1: three who stay, exited 2016 with 9,600 元 (3,200 each, over 2,952; 2,400 each for five); H2: the parents,
    /// born 1940 and 1942, now in a household of their own.
    static func county(exitIncome: Int64 = 9_600, fatherBorn: Int = 1940) -> [(Household.ID, Household)] {
        var h1 = F.household()
        h1.exitYear = 2016
        h1.incomes = [HouseholdIncome(year: 2015, wage: Money(yuan: 6_000)), HouseholdIncome(year: 2016, wage: Money(yuan: exitIncome))]
        var h2 = F.household()
        h2.number = "H2"
        h2.members = [F.member("韦老汉", born: LocalDate(year: fatherBorn, month: 1, day: 5)!, relation: .head, n: 21),
                      F.member("蓝阿婆", born: LocalDate(year: 1942, month: 2, day: 9)!, relation: .spouse, n: 22)]
        return [(Household.ID(1), h1), (Household.ID(2), h2)]
    }

    static func moves(_ day: String = "2015-06-01", sequence: Int64 = 10) -> [PaperExitPatterns.MemberMove] {
        let households = county()
        return households[1].1.members.map { m in
            PaperExitPatterns.MemberMove(from: Household.ID(1), name: m.name, idSuffix: String(m.id.number.suffix(4)),
                                         day: LocalDate(iso: day)!, sequence: sequence)
        }
    }

    @Test func elderly_parents_split_off_before_the_exit_are_found_with_the_figures() {
        let exits = [Household.ID(1): PaperExitPatterns.ExitRecord(day: LocalDate(iso: "2016-11-20")!, sequence: 50)]
        let found = PaperExitPatterns.splits(Self.county(), moves: Self.moves(), exits: exits, year: 2016, standard: F.standard)
        #expect(found.map(\.number) == ["H1"])
        #expect(found.first?.pattern == .split)
        let text = found.first?.explanation ?? ""
        #expect(text.contains("2015-06-01起韦老汉（75岁）、蓝阿婆（73岁）从本户分出，现在户H2"), "\(text)")
        #expect(text.contains("人均纯收入3,200元，过标准2,952元，若按分户前5人计仅1,920元"), "\(text)")
    }

    /// Left alone: an income that clears the line for all five; a split after the exit was recorded, or more than a
    /// year before it; members who are neither elderly nor disabled; a member removed who is in no other household
    /// (died or moved away); a household that did not exit that year.
    @Test func honest_cases_are_left_alone() {
        let exits = [Household.ID(1): PaperExitPatterns.ExitRecord(day: LocalDate(iso: "2016-11-20")!, sequence: 50)]
        func found(_ households: [(Household.ID, Household)] = Self.county(), _ moves: [PaperExitPatterns.MemberMove] = Self.moves(), year: Int = 2016) -> [String] {
            PaperExitPatterns.splits(households, moves: moves, exits: exits, year: year, standard: F.standard).map(\.number)
        }
        #expect(found(Self.county(exitIncome: 15_000)).isEmpty, "3,000 each for five is over the line")
        #expect(found(Self.county(), Self.moves("2016-12-01", sequence: 60)).isEmpty, "split after the exit")
        #expect(found(Self.county(), Self.moves("2015-06-01", sequence: 60)).isEmpty, "recorded after the exit record")
        #expect(found(Self.county(), Self.moves("2014-10-01", sequence: 5)).isEmpty, "more than a year before")
        var young = Self.county()
        young[1].1.members = young[1].1.members.map { m in
            var m = m
            m.id = ResidentID.make(region: "451224", birth: LocalDate(year: 1980, month: 1, day: 1)!, sequence: Int(m.id.number.suffix(4).prefix(3))!)
            return m
        }
        let youngMoves = young[1].1.members.map { PaperExitPatterns.MemberMove(from: Household.ID(1), name: $0.name, idSuffix: String($0.id.number.suffix(4)),
                                                                                 day: LocalDate(iso: "2015-06-01")!, sequence: 10) }
        #expect(found(young, youngMoves).isEmpty, "members of 35 are neither elderly nor disabled")
        var disabled = young
        disabled[1].1.members[0].health = .disabled
        #expect(found(disabled, youngMoves) == ["H1"], "a disabled member counts at any age")
        #expect(found([Self.county()[0]]).isEmpty, "the members are in no other household")
        #expect(found(year: 2017).isEmpty, "H1 did not exit in 2017")
    }

    /// Without an exit record in the trail (a registry loaded with its exits), the split counts in the exit year and
    /// the year before it.
    @Test func without_an_exit_record_the_years_decide() {
        func found(_ day: String) -> Int {
            PaperExitPatterns.splits(Self.county(), moves: Self.moves(day), exits: [:], year: 2016, standard: F.standard).count
        }
        #expect(found("2015-01-10") == 1)
        #expect(found("2016-08-10") == 1)
        #expect(found("2014-12-31") == 0)
    }
}
