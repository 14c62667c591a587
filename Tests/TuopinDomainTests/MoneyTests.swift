import Testing
@testable import TuopinDomain

@Suite struct MoneyTests {
    @Test(arguments: [
        ("1200", 120_000), ("1,200.5", 120_050), ("0.01", 1), ("2,666.67", 266_667), ("1200.000", 120_000),
        ("3，000", 300_000), (".5", 50), ("+12", 1200),
    ])
    func parses_yuan(text: String, fen: Int64) throws {
        #expect(try Money.parse(yuan: text).get() == Money(fen: fen))
    }

    @Test(arguments: [
        ("-5", Money.ParseError.negative), ("1.234", .tooManyDecimals), ("abc", .notANumber), ("1.2.3", .notANumber),
        ("", .notANumber), ("12元", .notANumber),
    ])
    func refuses_bad_amounts(text: String, error: Money.ParseError) {
        #expect(throws: error) { try Money.parse(yuan: text).get() }
    }

    @Test func divides_to_the_fen_rounding_half_up() {
        #expect(Money(yuan: 8000).divided(by: 3) == Money(fen: 266_667))
        #expect(Money(fen: 5).divided(by: 2) == Money(fen: 3))
        #expect(Money(fen: 4).divided(by: 3) == Money(fen: 1))
    }

    @Test func formats_for_files_and_people() {
        #expect(Money(fen: 266_667).plainYuan == "2666.67")
        #expect(Money(fen: 300_000).plainYuan == "3000")
        #expect(Money(fen: 5).plainYuan == "0.05")
        #expect(Money(fen: 123_456_789).groupedYuan == "1,234,567.89")
    }
}
