import Testing
@testable import TuopinDomain

/// Issue #17 item 3: the paper-exit patterns (数字脱贫) — each found with its figures, and honest households left alone.
@Suite struct PaperExitPatternTests {
    typealias F = ExitTestFixtures

    /// A household of three that exited in 2016 with these per-capita incomes in 2015 and 2016.
    static func exited(_ number: String, before: Int64, now: Int64, missing: Bool = false) -> (Household.ID, Household) {
        var h = F.household()
        h.number = number
        h.exitYear = 2016
        h.incomes = [HouseholdIncome(year: 2015, wage: Money(yuan: before * 3)), HouseholdIncome(year: 2016, wage: Money(yuan: now * 3))]
        if missing { h.housingGrade = .d }
        return (Household.ID(Int64(number.dropFirst()) ?? 1), h)
    }

    @Test func an_exit_just_over_the_line_after_a_year_below_it() {
        let found = PaperExitPatterns.evaluate([Self.exited("H1", before: 2500, now: 3000), Self.exited("H2", before: 2500, now: 4500),
                                                Self.exited("H3", before: 3100, now: 3000)], year: 2016, standard: F.standard)
        #expect(found.filter { $0.pattern == .narrowBand }.map(\.number) == ["H1"], "4,500 is well over; 3,100 was not below the year before")
        #expect(found.first { $0.number == "H1" }?.explanation.contains("仅高出标准2,952元的1%") == true)
    }

    /// (c): wages tripled in the exit year with no member working away; the same rise backed by a 务工 record, or a
    /// transfer rise backed by the benefit ledger, is left alone; a tripled small figure is not material.
    @Test func a_component_multiplied_with_nothing_behind_it() {
        let bare = Self.exited("H5", before: 1500, now: 5000)
        var worked = Self.exited("H6", before: 1500, now: 5000)
        worked.1.members[0].workPlace = .outOfProvince
        let found = PaperExitPatterns.evaluate([bare, worked], year: 2016, standard: F.standard)
        #expect(found.filter { $0.pattern == .multiplied }.map(\.number) == ["H5"])
        #expect(found.first { $0.pattern == .multiplied }?.explanation.contains("工资性收入由2015年的4,500元增至2016年脱贫时的15,000元（3.3倍），但没有成员登记务工") == true)
        var transfer = Self.exited("H7", before: 1500, now: 1500)
        transfer.1.incomes[0].transfer = Money(yuan: 1000)
        transfer.1.incomes[1].transfer = Money(yuan: 5000)
        #expect(PaperExitPatterns.evaluate([transfer], year: 2016, standard: F.standard).contains { $0.pattern == .multiplied })
        let backed = PaperExitPatterns.Backing(benefits: [transfer.0])
        #expect(!PaperExitPatterns.evaluate([transfer], year: 2016, standard: F.standard, backing: backed).contains { $0.pattern == .multiplied })
        var small = Self.exited("H8", before: 3000, now: 3300)
        small.1.incomes[0].property = Money(yuan: 20)
        small.1.incomes[1].property = Money(yuan: 200)
        #expect(!PaperExitPatterns.evaluate([small], year: 2016, standard: F.standard).contains { $0.pattern == .multiplied }, "200 of 10,100 is not material")
    }

    /// (f): one account editing 20 households on one day a week before the assessment is a burst, each household
    /// named; 19 is not, nor are the same edits spread over days, nor edits after the assessment.
    @Test func edits_in_a_burst_before_an_assessment() {
        let assessment = (name: "2016年县级预评估", date: LocalDate(iso: "2016-08-20")!)
        let known = Dictionary(uniqueKeysWithValues: (1...40).map { (Household.ID(Int64($0)), (number: "H\($0)", village: AreaCode("451224100201")!)) })
        func edits(_ n: Int, _ day: String, actor: String = "village1") -> [PaperExitPatterns.RecordEdit] {
            (1...n).map { PaperExitPatterns.RecordEdit(actor: actor, day: LocalDate(iso: day)!, household: Household.ID(Int64($0))) }
        }
        let found = PaperExitPatterns.bursts(edits(20, "2016-08-13"), assessments: [assessment], known: known, year: 2016)
        #expect(found.count == 20 && found.allSatisfy { $0.pattern == .burst })
        #expect(found.first?.explanation.contains("账号village1于2016-08-13一天内修改了20户的户信息或脱贫状态，7天后为2016年县级预评估") == true)
        #expect(PaperExitPatterns.bursts(edits(19, "2016-08-13"), assessments: [assessment], known: known, year: 2016).isEmpty)
        let spread = edits(10, "2016-08-12") + edits(10, "2016-08-13").map { var e = $0; e.household = Household.ID(e.household.rawValue + 10); return e }
        #expect(PaperExitPatterns.bursts(spread, assessments: [assessment], known: known, year: 2016).isEmpty, "spread over two days")
        #expect(PaperExitPatterns.bursts(edits(30, "2016-08-25"), assessments: [assessment], known: known, year: 2016).isEmpty, "after the assessment")
        #expect(PaperExitPatterns.bursts(edits(30, "2016-06-01"), assessments: [assessment], known: known, year: 2016).isEmpty, "more than 30 days before")
    }

    @Test func an_exit_recorded_while_an_item_is_not_met() {
        let found = PaperExitPatterns.evaluate([Self.exited("H4", before: 2000, now: 5000, missing: true)], year: 2016, standard: F.standard)
        #expect(found.map(\.pattern) == [.failing] && found[0].score == 90 && found[0].explanation.contains("住房"))
    }

    @Test func the_same_figures_in_three_households_of_a_village() {
        var rows = (1...3).map { n -> (Household.ID, Household) in
            var h = F.household()
            h.number = "H\(n)"
            h.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 9000), business: Money(yuan: 1200), property: nil, transfer: Money(yuan: 800),
                                         businessExpense: nil)]
            return (Household.ID(Int64(n)), h)
        }
        #expect(PaperExitPatterns.evaluate(Array(rows.prefix(2)), year: 2016, standard: F.standard).isEmpty, "two alike is chance")
        let found = PaperExitPatterns.evaluate(rows, year: 2016, standard: F.standard)
        #expect(found.count == 3 && found.allSatisfy { $0.pattern == .identical && $0.score == 80 })
        #expect(found.first { $0.number == "H1" }?.explanation.contains("H2、H3") == true)
        rows[2].1.incomes[0].transfer = Money(yuan: 801)
        #expect(PaperExitPatterns.evaluate(rows, year: 2016, standard: F.standard).isEmpty, "one yuan apart is not the same")
    }
}
