import Testing
@testable import TuopinDomain

/// GB 11643-1999 resident ID numbers.
@Suite struct ResidentIDTests {
    static let today = LocalDate(year: 2026, month: 11, day: 22)!

    // 11010519491231002X is the standard's own example (check character X).
    @Test(arguments: [
        ("11010519491231002X", "11010519491231002X", Sex.female, "1949-12-31"),
        ("11010519491231002x", "11010519491231002X", Sex.female, "1949-12-31"),   // lower-case x accepted
        ("452728194806148628", "452728194806148628", Sex.female, "1948-06-14"),
        ("440524188001010014", "440524188001010014", Sex.male, "1880-01-01"),
    ])
    func valid_numbers(input: String, number: String, sex: Sex, birth: String) throws {
        let id = try ResidentID.parse(input, today: Self.today).get()
        #expect(id.number == number)
        #expect(id.sex == sex)
        #expect(id.birthDate.description == birth)
        #expect(id.disabilitySuffix == nil)
    }

    @Test func fifteen_digit_legacy_number_is_upgraded() throws {
        // 15 digits: region, YYMMDD, sequence; the upgrade inserts 19 and computes the check character.
        let id = try ResidentID.parse("452728480614862", today: Self.today).get()
        #expect(id.number == "452728194806148628")
        #expect(id.upgradedFromLegacy)
        #expect(id.sex == .female)
    }

    @Test func twenty_digit_disability_certificate_is_split() throws {
        let id = try ResidentID.parse("45272819480614862842", today: Self.today).get()
        #expect(id.number == "452728194806148628")
        #expect(id.disabilitySuffix == "42")
        #expect(id.registryText == "45272819480614862842")
    }

    @Test(arguments: [
        ("452728194806148627", ResidentIDError.wrongCheckDigit(expected: "8", found: "7")),
        ("452728194802308628", ResidentIDError.invalidBirthDate("19480230")),
        ("452728194813148628", ResidentIDError.invalidBirthDate("19481314")),
        ("45272819480614862", ResidentIDError.wrongLength(17)),
        ("45272819480614862A", ResidentIDError.invalidCharacters),
        ("4.5272819480615E+17", ResidentIDError.scientificNotation),
        ("", ResidentIDError.empty),
    ])
    func invalid_numbers(input: String, error: ResidentIDError) {
        #expect(throws: error) { try ResidentID.parse(input, today: Self.today).get() }
    }

    @Test func birth_date_in_the_future_is_refused() {
        let future = ResidentID.make(region: "451224", birth: LocalDate(year: 2026, month: 11, day: 23)!, sequence: 1)
        #expect(throws: ResidentIDError.birthDateInFuture(LocalDate(year: 2026, month: 11, day: 23)!)) {
            try ResidentID.parse(future.number, today: Self.today).get()
        }
        let born_today = ResidentID.make(region: "451224", birth: Self.today, sequence: 1)
        #expect((try? ResidentID.parse(born_today.number, today: Self.today).get()) != nil)
    }

    @Test func sex_comes_from_the_seventeenth_digit() {
        for seq in 0..<20 {
            let id = ResidentID.make(region: "451224", birth: LocalDate(year: 1990, month: 1, day: 1)!, sequence: seq)
            #expect(id.sex == (seq % 2 == 1 ? .male : .female))
        }
    }

    @Test func check_character_follows_iso_7064_mod_11_2() {
        // Every residue maps to its character: 1 0 X 9 8 7 6 5 4 3 2.
        var seen = Set<Character>()
        for n in 0..<2000 {
            let id = ResidentID.make(region: "110105", birth: LocalDate(year: 1949, month: 12, day: 31)!, sequence: n)
            seen.insert(id.number.last!)
            #expect((try? ResidentID.parse(id.number, today: Self.today).get()) != nil)
        }
        #expect(seen.count == 11)
    }
}
