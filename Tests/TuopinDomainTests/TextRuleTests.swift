import Testing
@testable import TuopinDomain

/// Issue #19 items 11 and 12: control characters and bidirectional overrides in text; dates within range.
struct TextRuleTests {
    @Test(arguments: ["a\u{0}b", "a\u{7}b", "李\u{202E}四", "x\u{2066}y", "a\u{7F}", "a\u{85}b"])
    func forbidden_characters_are_named(text: String) {
        let fault = TextRule.fault(text, .freeText)
        #expect(fault != nil)
        #expect(fault?.contains("U+") == true)
    }

    @Test func tab_is_allowed_in_free_text_only_and_line_breaks_not_in_cells() {
        #expect(TextRule.fault("甲\t乙", .freeText) == nil)
        #expect(TextRule.fault("甲\n乙", .freeText) == nil)
        #expect(TextRule.fault("甲\n乙", .cell)?.contains("U+000A") == true)
        #expect(TextRule.fault("黄\"秀\"英,二 ABC-12", .cell) == nil)
    }

    @Test func the_fault_gives_the_place_of_the_character() {
        #expect(TextRule.fault("张三\u{0}", .cell)?.hasPrefix("第3个字符") == true)
    }

    @Test func event_dates_lie_between_2013_and_a_year_after_today() throws {
        let today = try #require(LocalDate(year: 2026, month: 12, day: 2))
        #expect(throws: Refused.self) { try EventDate.parse("0000-01-01", field: "d", label: "日期", today: today).get() }
        #expect(throws: Refused.self) { try EventDate.parse("2012-12-31", field: "d", label: "日期", today: today).get() }
        #expect(throws: Refused.self) { try EventDate.parse("2028-01-01", field: "d", label: "日期", today: today).get() }
        #expect(throws: Refused.self) { try EventDate.parse("2020-02-30", field: "d", label: "日期", today: today).get() }
        #expect(throws: Refused.self) { try EventDate.parse("20200101", field: "d", label: "日期", today: today).get() }
        #expect(try EventDate.parse("2013-01-01", field: "d", label: "日期", today: today).get() == LocalDate(year: 2013, month: 1, day: 1))
        #expect(try EventDate.parse("2027-11-30", field: "d", label: "日期", today: today).get() == LocalDate(year: 2027, month: 11, day: 30))
    }
}
