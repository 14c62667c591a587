import Testing
@testable import TuopinDomain

@Suite struct LocalDateTests {
    @Test(arguments: [
        ((2010, 12, 31), (2016, 12, 31), 6),   // turns 6 on the reference date
        ((2011, 1, 1), (2016, 12, 31), 5),
        ((2000, 12, 31), (2016, 12, 31), 16),  // turns 16 on the reference date
        ((2000, 2, 29), (2016, 2, 28), 15),
        ((2000, 2, 29), (2016, 2, 29), 16),
    ])
    func age_on_a_date(birth: (Int, Int, Int), on: (Int, Int, Int), age: Int) {
        let b = LocalDate(year: birth.0, month: birth.1, day: birth.2)!
        let d = LocalDate(year: on.0, month: on.1, day: on.2)!
        #expect(b.age(on: d) == age)
    }

    @Test func only_real_dates_exist() {
        #expect(LocalDate(year: 2019, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2020, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2016, month: 4, day: 31) == nil)
        #expect(LocalDate(iso: "2016-12-31")?.description == "2016-12-31")
    }
}
