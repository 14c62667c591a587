import Testing
@testable import TuopinDomain

/// Issue #17 item 3 (f), second half; policy-rules §7.4: an exited household's exit-year income, exit year or members
/// changed after its exit was announced.
@Suite struct AmendedAfterExitTests {
    static let known: [Household.ID: (number: String, village: AreaCode, exitYear: Int?)] = [
        Household.ID(1): ("H1", AreaCode("451224100201")!, 2018), Household.ID(2): ("H2", AreaCode("451224100201")!, 2017),
    ]

    static func edit(household: Int64 = 1, _ day: String, _ fields: [String], actor: String = "village1") -> PaperExitPatterns.AmendedRecord {
        .init(household: Household.ID(household), actor: actor, day: LocalDate(iso: day)!, announced: LocalDate(iso: "2018-11-30")!, fields: fields)
    }

    @Test func the_exit_year_income_changed_after_the_announcement_is_flagged_once_per_household() {
        let found = PaperExitPatterns.amendedAfterExit([Self.edit("2018-12-05", ["2018年收入"]), Self.edit("2018-12-20", ["成员 韦小军（证件尾号1234）", "脱贫年度"], actor: "township1")],
                                                       known: Self.known, year: 2018)
        #expect(found.map(\.number) == ["H1"])
        #expect(found.first?.pattern == .amended)
        #expect(found.first?.score == 80)
        #expect(found.first?.explanation == "此户脱贫已于2018-11-30公告，2018-12-05账号village1仍修改了2018年收入；2018-12-20账号township1又改了家庭成员、脱贫年度")
    }

    @Test func other_fields_other_years_and_other_exits_are_left_alone() {
        #expect(PaperExitPatterns.amendedAfterExit([Self.edit("2018-12-05", ["联系电话", "住房安全等级"])], known: Self.known, year: 2018).isEmpty)
        #expect(PaperExitPatterns.amendedAfterExit([Self.edit("2019-03-05", ["2019年收入"])], known: Self.known, year: 2018).isEmpty)
        #expect(PaperExitPatterns.amendedAfterExit([Self.edit(household: 2, "2018-12-05", ["2018年收入"])], known: Self.known, year: 2018).isEmpty,
                "H2 exited in 2017")
        #expect(PaperExitPatterns.amendedAfterExit([Self.edit(household: 9, "2018-12-05", ["2018年收入"])], known: Self.known, year: 2018).isEmpty,
                "a household outside the area")
    }
}
