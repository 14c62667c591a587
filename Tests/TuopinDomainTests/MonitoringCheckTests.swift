import Testing
@testable import TuopinDomain

/// 防返贫监测: one case per rule of the 2020 and 2021 guidance (policy-rules §5), with the boundaries.
@Suite struct MonitoringCheckTests {
    let standard = ExitTestFixtures.standard

    /// The fixture household (per-capita 4,666.67 in 2016, above the range of 4,428), exited in 2015.
    func exited(_ change: (inout Household) -> Void = { _ in }) -> Household {
        var h = ExitTestFixtures.household()
        h.exitYear = 2015
        change(&h)
        return h
    }

    func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func only_exited_households_are_monitored() {
        #expect(MonitoringCheck.evaluate(ExitTestFixtures.household(), year: 2016, standard: standard) == nil)
        #expect(MonitoringCheck.evaluate(exited { $0.exitYear = 2017 }, year: 2016, standard: standard) == nil, "exits after the year do not count")
        let calm = MonitoringCheck.evaluate(exited(), year: 2016, standard: standard)
        #expect(calm?.signals == [] && calm?.category == nil && calm?.incomeUnknown == false)
    }

    @Test func the_range_is_the_line_times_the_multiple() {
        #expect(MonitoringCheck.range(year: 2016, standard: standard) == Money(yuan: 4428))
        #expect(MonitoringCheck.range(year: 2010, standard: standard) == nil)
    }

    @Test func income_under_the_range_makes_an_unstable_household() throws {
        // §5.1: 人均可支配收入低于国家扶贫标准1.5倍左右. 12,000 ÷ 3 = 4,000 < 4,428.
        let f = try #require(MonitoringCheck.evaluate(exited { $0.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 12_000))] },
                                                      year: 2016, standard: standard))
        #expect(f.signals.map(\.rule) == [.lowIncome])
        #expect(f.signals[0].text.contains("< 监测范围 4,428 元（1.5 × 2,952 元）") || f.signals[0].text.contains("< 监测范围 4,428 元（1.5 × 2,952）"))
        #expect(f.category == .unstableExited)
        // At the range exactly (13,284 ÷ 3 = 4,428) the rule does not fire.
        let at = MonitoringCheck.evaluate(exited { $0.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 13_284))] }, year: 2016, standard: standard)
        #expect(at?.signals == [])
    }

    @Test(arguments: [(21_000, true), (21_003, false)])
    func a_drop_of_the_threshold_or_more_fires(after: Int64, fires: Bool) {
        // §5.1 收入大幅缩减; 30% in the standards file. Before 10,000 per person; 7,000 is a drop of exactly 30%.
        let f = MonitoringCheck.evaluate(exited { $0.incomes = [HouseholdIncome(year: 2015, wage: Money(yuan: 30_000)),
                                                                HouseholdIncome(year: 2016, wage: Money(yuan: after))] },
                                         year: 2016, standard: standard)
        #expect(f?.signals.map(\.rule) == (fires ? [.incomeDrop] : []))
        #expect(f?.category == (fires ? .suddenHardship : nil), "above the range: a sudden hardship, not an unstable exit")
    }

    @Test func a_lapsed_guarantee_makes_an_unstable_household() throws {
        // §5.2: 两不愁三保障及饮水安全 must stay met; a household whose house became dangerous is at risk.
        let f = try #require(MonitoringCheck.evaluate(exited { $0.housingGrade = .d; $0.housingResolved = false }, year: 2016, standard: standard))
        #expect(f.signals.map(\.rule) == [.guaranteeLapse])
        #expect(f.signals[0].text.contains("住房"))
        #expect(f.category == .unstableExited)
    }

    @Test func hardship_costs_above_last_years_income_fire_within_twelve_months() throws {
        // §5.1: 刚性支出明显超过上年度收入 (因病、因残、因灾). Household net income 2016 = 14,000.
        let ill = Hardship(kind: .illness, occurredOn: date("2016-08-01"), cost: Money(yuan: 15_000), note: "住院")
        let f = try #require(MonitoringCheck.evaluate(exited(), year: 2016, hardships: [ill], standard: standard))
        #expect(f.signals.map(\.rule) == [.hardshipCost])
        #expect(f.signals[0].text.contains("因病支出 15,000 元，超过2016年家庭纯收入 14,000 元"))
        #expect(f.category == .suddenHardship)

        let equal = Hardship(kind: .disaster, occurredOn: date("2016-08-01"), cost: Money(yuan: 14_000))
        #expect(MonitoringCheck.evaluate(exited(), year: 2016, hardships: [equal], standard: standard)?.signals == [])
        let old = Hardship(kind: .illness, occurredOn: date("2015-12-31"), cost: Money(yuan: 50_000))
        #expect(MonitoringCheck.evaluate(exited(), year: 2016, hardships: [old], standard: standard)?.signals == [], "outside the 12 months")
        let twoSmall = [Hardship(kind: .illness, occurredOn: date("2016-03-01"), cost: Money(yuan: 8_000)),
                        Hardship(kind: .disaster, occurredOn: date("2016-09-01"), cost: Money(yuan: 7_000))]
        #expect(MonitoringCheck.evaluate(exited(), year: 2016, hardships: twoSmall, standard: standard)?.signals.map(\.rule) == [.hardshipCost],
                "costs add up")
    }

    @Test func no_income_for_the_year_is_reported_not_guessed() throws {
        let f = try #require(MonitoringCheck.evaluate(exited(), year: 2017, standard: standard))
        #expect(f.incomeUnknown)
        #expect(!f.signals.contains { $0.rule == .lowIncome || $0.rule == .incomeDrop })
    }
}
