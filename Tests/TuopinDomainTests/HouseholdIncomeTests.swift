import Testing
@testable import TuopinDomain

/// 人均纯收入 = (工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出) ÷ 家庭人口 (registry-exchange format).
@Suite struct HouseholdIncomeTests {
    @Test func per_capita_net_income_follows_the_formula() {
        let income = HouseholdIncome(year: 2016, wage: Money(yuan: 6000), business: Money(yuan: 2500), property: Money(yuan: 100),
                                     transfer: Money(yuan: 900), businessExpense: Money(yuan: 1500))
        #expect(income.net == Money(yuan: 8000))
        #expect(income.perCapita(memberCount: 3) == Money(fen: 266_667))
        #expect(income.perCapita(memberCount: 0) == nil)
    }

    @Test func blank_components_count_as_zero() {
        let income = HouseholdIncome(year: 2016, wage: Money(yuan: 3000))
        #expect(income.net == Money(yuan: 3000))
        #expect(!income.isEmpty)
        #expect(HouseholdIncome(year: 2016).isEmpty)
    }

    @Test func a_household_keeps_one_income_per_year() {
        var h = Household(number: "1", villageCode: AreaCode("451224100201")!, type: .ordinary, mainCause: .illness, identifiedYear: 2014)
        h.record(HouseholdIncome(year: 2016, wage: Money(yuan: 1)))
        h.record(HouseholdIncome(year: 2015, wage: Money(yuan: 2)))
        h.record(HouseholdIncome(year: 2016, wage: Money(yuan: 3)))
        #expect(h.incomes.map(\.year) == [2015, 2016])
        #expect(h.income(for: 2016)?.wage == Money(yuan: 3))
    }
}
