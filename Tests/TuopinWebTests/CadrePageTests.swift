import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// Issue #14 items 1, 2 and 7 on pages, on both databases: the county office edits a cadre, gives and ends
/// a post (history kept, overlaps refused), reads the roster; an area's plan rolls up its households'
/// measures into the quarterly progress table.
@Suite struct CadrePageTests {
    static func id(_ app: Application, _ sql: SQLQueryString) async throws -> Int64 {
        try await (app.db as! any SQLDatabase).raw(sql).first()!.decode(column: "id", as: Int64.self)
    }

    @Test func the_county_office_edits_a_cadre_and_their_posts() async throws {
        try await WebHarness.withLoadedApp { app in
            try await ResponsibilityFlowTests.load(app)
            let county = try await WebHarness.signIn(app, as: "county")
            let helper = try await Self.id(app, "SELECT id FROM cadres WHERE phone = '13900000002'")
            try await app.testing().test(.GET, "cadres?area=451224", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("黄帮扶") && res.body.string.contains("韦书记"))
            }
            // A bad phone is refused at its field and what was typed stays.
            var form = ["name": "黄帮扶", "phone": "1390000", "unit": "县教育局", "unit_level": "县直", "post": "股长", "rank": "一般干部",
                        "username": "cadre", "reason": "职务变动"]
            var res = try await WebHarness.post(app, "cadres/\(helper)", county, form)
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.contains("f-phone-fault") && res.body.contains("股长"))
            form["phone"] = "13900000001"
            res = try await WebHarness.post(app, "cadres/\(helper)", county, form)
            #expect(res.status == .unprocessableEntity && res.body.contains("另一名干部"), "the phone is the first secretary's")
            form["phone"] = "13900000002"
            res = try await WebHarness.post(app, "cadres/\(helper)", county, form)
            #expect(res.location?.hasPrefix("/cadres/\(helper)") == true, "\(res.status) \(res.body.prefix(300))")
            #expect(try await ResponsibilityFlowTests.count(app, "cadre.save") == 3)
            // A second first secretary of the same village over the same term is refused; a later term is given.
            var post = ["layer": "第一书记", "area": Samples.village.value, "start": "2016-06-01", "end": "", "reason": "县委组织部任命"]
            res = try await WebHarness.post(app, "cadres/\(helper)/posts", county, post)
            #expect(res.status == .unprocessableEntity && res.body.contains("重叠"), "\(res.body.prefix(300))")
            post["area"] = "45122410"
            res = try await WebHarness.post(app, "cadres/\(helper)/posts", county, post)
            #expect(res.status == .unprocessableEntity && res.body.contains("f-area-fault"))
            let secretary = try await Self.id(app, "SELECT id FROM cadres WHERE phone = '13900000001'")
            let held = try await Self.id(app, "SELECT id FROM assignments WHERE cadre_id = \(bind: secretary)")
            res = try await WebHarness.post(app, "cadres/\(secretary)/posts/\(held)/end", county, ["end": "2015-01-01", "reason": "调动"])
            #expect(res.status == .unprocessableEntity && res.body.contains("早于任职开始"))
            res = try await WebHarness.post(app, "cadres/\(secretary)/posts/\(held)/end", county, ["end": "2017-12-31", "reason": "任期届满"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            post["area"] = Samples.village.value
            post["start"] = "2018-01-01"
            res = try await WebHarness.post(app, "cadres/\(helper)/posts", county, post)
            #expect(res.location != nil, "the term after the old one ended: \(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "cadres/\(secretary)", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains("2017-12-31"), "the ended term stays on record")
            }
            #expect(try await ResponsibilityFlowTests.count(app, "assignment.end") == 1)
            #expect(try await ResponsibilityFlowTests.count(app, "assignment.add") == 2)
            // A cadre reads their own record but changes nothing.
            let cadre = try await WebHarness.signIn(app, as: "cadre")
            res = try await WebHarness.post(app, "cadres/\(helper)", cadre, form)
            #expect(res.status == .forbidden)
        }
    }

    @Test func an_area_plan_rolls_up_into_the_quarterly_table() async throws {
        try await WebHarness.withLoadedApp { app in
            try await ResponsibilityFlowTests.load(app)
            let household = try await Self.id(app, "SELECT id FROM households WHERE household_no = 'H0001'")
            let village = Samples.village
            let items = [
                (PlanMeasure(household: Household.ID(household), kind: .industry, content: "养鸡", plannedDate: LocalDate(year: 2016, month: 2, day: 1)!,
                             expectedIncome: Money(yuan: 3000), status: .done, doneDate: LocalDate(year: 2016, month: 3, day: 1)!), village),
                (PlanMeasure(household: Household.ID(household), kind: .housing, content: "危房改造", plannedDate: LocalDate(year: 2016, month: 8, day: 1)!),
                 village),
            ]
            #expect(try await ResponsibilityService.loadMeasures(items, in: ServiceContext.commandLine(db: app.db)) == 2)
            let leader = try await WebHarness.signIn(app, as: "leader")
            try await app.testing().test(.GET, "areas/451224/plan?year=2016", headers: WebHarness.headers(leader)) { res async in
                #expect(res.status == .ok)
                let text = res.body.string
                #expect(text.contains("2016年工作进度表"))
                #expect(text.contains("<th scope=\"row\">第1季度</th><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100%</td><td class=\"num\">3000</td>"), "\(text)")
                #expect(text.contains("<th scope=\"row\">第3季度</th><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0%</td>"))
            }
            try await app.testing().test(.GET, "areas/99/plan", headers: WebHarness.headers(leader)) { res async in
                #expect(res.status == .notFound)
            }
        }
    }
}
