import Testing
@testable import TuopinDomain

/// Which households a count stands for: meets or not, a missing item, that item only; an income below the
/// line and an income not recorded apart (issue #13).
@Suite struct VerdictFilterTests {
    static let standard = ExitTestFixtures.standard

    static func verdict(_ change: (inout Household) -> Void) -> ExitVerdict {
        var h = ExitTestFixtures.household()
        change(&h)
        return HouseholdExitTest.evaluate(h, year: 2016, standard: standard)
    }

    static let meets = verdict { _ in }
    static let poor = verdict { $0.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 3000))] }
    static let unrecorded = verdict { $0.incomes = [] }
    static let unrecordedAndHousing = verdict { $0.incomes = []; $0.housingGrade = .d }

    @Test(arguments: [
        (VerdictFilter(), [true, true, true, true]),
        (VerdictFilter(outcome: .meets), [true, false, false, false]),
        (VerdictFilter(outcome: .fails), [false, true, true, true]),
        (VerdictFilter(item: .income), [false, true, true, true]),
        (VerdictFilter(item: .income, income: .belowLine), [false, true, false, false]),
        (VerdictFilter(item: .income, income: .unrecorded), [false, false, true, true]),
        (VerdictFilter(item: .income, income: .unrecorded, only: true), [false, false, true, false]),
        (VerdictFilter(item: .housing), [false, false, false, true]),
    ])
    func a_filter_picks_the_households_its_count_stands_for(filter: VerdictFilter, expected: [Bool]) {
        #expect([Self.meets, Self.poor, Self.unrecorded, Self.unrecordedAndHousing].map(filter.matches) == expected, "\(filter.label)")
    }

    @Test func a_tally_counts_income_below_the_line_and_not_recorded_apart() {
        var tally = ExitTally()
        for v in [Self.meets, Self.poor, Self.unrecorded, Self.unrecordedAndHousing] { tally.add(v, persons: 3) }
        #expect(tally.missing[.income] == 3)
        #expect(tally.incomeBelowLine == 1 && tally.incomeUnrecorded == 2)
        #expect(tally.onlyIncomeBelowLine == 1 && tally.onlyIncomeUnrecorded == 1)
        #expect(Self.unrecorded.incomeUnrecorded && !Self.poor.incomeUnrecorded)
    }
}
