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

    @Test(arguments: [
        ("2020-02-29", (2020, 2, 29)), ("2019-02-29", nil), ("2020-13-01", nil), ("2020-0a-01", nil), ("2020/01/05", nil),
        ("2020-1-5", (2020, 1, 5)), ("0999-12-31", (999, 12, 31)), ("", nil), ("２０２０-01-01", nil),
    ] as [(String, (Int, Int, Int)?)])
    func iso_text_reads_the_stored_form_and_the_short_one(text: String, date: (Int, Int, Int)?) {
        #expect(LocalDate(iso: text) == date.flatMap { LocalDate(year: $0.0, month: $0.1, day: $0.2) }, "\(text)")
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
