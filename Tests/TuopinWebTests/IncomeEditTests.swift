import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinTestSupport
import TuopinWeb
import Vapor
import VaporTesting

/// 家庭收入 on the edit form: by year, checked by the importer's rules, a refused form keeping what was typed
/// and writing nothing, a change of incomes only going the 收入更正 route (issue #13 item 7).
@Suite struct IncomeEditTests {
    /// The edit form as the page fills it, with its income rows.
    static func form(_ page: String) -> [String: String] {
        Dictionary(FormFields.of(page, action: "/households/1/edit"), uniquingKeysWith: { a, _ in a })
    }

    static func incomes(_ app: Application) async throws -> [Int: Int64] {
        var result: [Int: Int64] = [:]
        for row in try await (app.db as! any SQLDatabase).raw("SELECT year, wage_fen FROM household_incomes WHERE household_id = 1").all() {
            result[try row.decode(column: "year", as: Int.self)] = try row.decode(column: "wage_fen", as: Int64?.self) ?? -1
        }
        return result
    }

    static func page(_ app: Application, _ session: (cookie: String, csrf: String)) async throws -> String {
        var body = ""
        try await app.testing().test(.GET, "households/1/edit", headers: WebHarness.headers(session)) { res async in body = res.body.string }
        return body
    }

    @Test func the_county_records_a_year_and_bad_amounts_are_refused_keeping_the_input() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let page = try await Self.page(app, county)
            #expect(page.contains("<h2>家庭成员</h2>") && page.contains("<h2>家庭收入</h2>"))
            #expect(page.contains("name=\"i0_income_year\" value=\"2016\""))
            #expect(page.contains("name=\"income_rows\" value=\"2\""), "the stored year and a blank one")
            var form = Self.form(page)
            #expect(form["i0_wage_income"] == "6000")
            form["i1_income_year"] = "2017"
            form["i1_wage_income"] = "abc"
            form["reason"] = "补录2017年收入"
            let before = try await StoreCounts.audit(app)
            let refused = try await WebHarness.post(app, "households/1/edit", county, form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"abc\"") && refused.body.contains("工资性收入“abc”不是数字"))
            #expect(refused.body.contains("aria-invalid=\"true\" aria-describedby=\"i1_wage_income-fault\""))
            #expect(try await Self.incomes(app) == [2016: 600_000])
            #expect(try await StoreCounts.audit(app) == before, "a refused form writes nothing")

            form["i1_income_year"] = "2016"
            form["i1_wage_income"] = "7000"
            let twice = try await WebHarness.post(app, "households/1/edit", county, form)
            #expect(twice.status == .unprocessableEntity && twice.body.contains("每年一条收入"))

            form["i1_income_year"] = "2017"
            let saved = try await WebHarness.post(app, "households/1/edit", county, form)
            #expect(saved.location == "/households/1")
            #expect(try await Self.incomes(app) == [2016: 600_000, 2017: 700_000])
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains("2017年收入"), "the history shows the new year")
            }
            // Clearing a row removes that year.
            var again = Self.form(try await Self.page(app, county))
            for c in HouseholdFieldCheck.incomeColumns { again["i1_\(c.key)"] = "" }
            again["reason"] = "2017年收入录错"
            #expect(try await WebHarness.post(app, "households/1/edit", county, again).location == "/households/1")
            #expect(try await Self.incomes(app) == [2016: 600_000])
        }
    }

    @Test func a_village_correction_of_incomes_only_is_a_income_correction_request() async throws {
        try await WebHarness.withLoadedApp { app in
            let village = try await WebHarness.signIn(app, as: "village")
            var form = Self.form(try await Self.page(app, village))
            form["i0_wage_income"] = "6500"
            form["reason"] = "务工收入核实更正"
            let submitted = try await WebHarness.post(app, "households/1/edit", village, form)
            let location = try #require(submitted.location)
            #expect(location.hasPrefix("/changes/"))
            #expect(try await Self.incomes(app) == [2016: 600_000], "not before approval")
            try await app.testing().test(.GET, String(location.dropFirst()), headers: WebHarness.headers(village)) { res async in
                #expect(res.body.string.contains("收入更正"))
                #expect(res.body.string.contains("2016年收入"))
            }
            let township = try await WebHarness.signIn(app, as: "township")
            #expect(try await WebHarness.post(app, String(location.dropFirst()) + "/approve", township, [:]).status == .seeOther)
            let county = try await WebHarness.signIn(app, as: "county")
            #expect(try await WebHarness.post(app, String(location.dropFirst()) + "/approve", county, [:]).status == .seeOther)
            #expect(try await Self.incomes(app) == [2016: 650_000])
        }
    }
}

/// Row counts the tests compare before and after a refused write.
enum StoreCounts {
    static func audit(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events").first()!.decode(column: "n", as: Int.self)
    }
}
