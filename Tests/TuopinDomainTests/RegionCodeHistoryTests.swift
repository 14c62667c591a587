import Testing
@testable import TuopinDomain

/// An ID keeps the region code in force when it was issued: 东兰县 was 452728 until 2002, 451224 after.
@Suite struct RegionCodeHistoryTests {
    let history = RegionCodeHistory(intervals: [
        "452728": [.init(name: "东兰县", firstRevision: 198012, lastRevision: 200206)],
        "451224": [.init(name: "东兰县", firstRevision: 200212, lastRevision: 201904)],
        "110105": [.init(name: "朝阳区", firstRevision: 198012, lastRevision: 201904)],
    ])

    @Test func checks_the_code_against_the_birth_year() {
        #expect(history.isValid(code: "452728", inYear: 1990))
        #expect(history.isValid(code: "452728", inYear: 2002))
        #expect(!history.isValid(code: "452728", inYear: 2010))
        #expect(history.isValid(code: "451224", inYear: 2010))
        #expect(!history.isValid(code: "451224", inYear: 1990))
        #expect(!history.isValid(code: "999999", inYear: 1990))
    }

    @Test func years_outside_the_table_use_its_ends() {
        #expect(history.isValid(code: "452728", inYear: 1950))   // before the first list: checked against it
        #expect(history.isValid(code: "451224", inYear: 2024))   // after the last list: checked against it
        #expect(!history.isValid(code: "452728", inYear: 2024))
    }

    @Test func finds_the_county_code_in_force() {
        #expect(history.codeInForce(for: "451224", name: "东兰县", inYear: 1975) == "452728")
        #expect(history.codeInForce(for: "451224", name: "东兰县", inYear: 2010) == "451224")
    }
}
