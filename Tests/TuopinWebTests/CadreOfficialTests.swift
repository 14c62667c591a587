import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// Issue #16 item 6, 公职人员或其亲属领取, for cadres outside the payroll file, on both databases: the county office
/// records a cadre's ID number on the cadre's page (a bad number or another cadre's is refused at its field, what was
/// typed kept); a payment to a member of the cadre's household then shows in the leaks queue naming the cadre; a
/// cadre file without the column keeps the number; a file giving another cadre's number is refused, nothing written.
@Suite struct CadreOfficialTests {
    @Test func a_cadres_id_number_ties_their_household_to_the_public_payroll() async throws {
        try await WebHarness.withLoadedApp { app in
            try await ResponsibilityFlowTests.load(app)
            let sql = app.db as! any SQLDatabase
            let ctx = ServiceContext.commandLine(db: app.db)
            let county = AreaCode("451224")!
            let countyUser = try await WebHarness.signIn(app, as: "county")
            let household = try await sql.raw("SELECT household_id FROM members GROUP BY household_id HAVING COUNT(*) >= 2 ORDER BY household_id")
                .first()!.decode(column: "household_id", as: Int64.self)
            let members = try await sql.raw("SELECT id_number, name FROM members WHERE household_id = \(bind: household) ORDER BY position").all()
            let cadreID = try members[0].decode(column: "id_number", as: String.self)
            let paidID = try members[1].decode(column: "id_number", as: String.self), paidName = try members[1].decode(column: "name", as: String.self)
            let helper = try await CadrePageTests.id(app, "SELECT id FROM cadres WHERE phone = '13900000002'")
            let secretary = try await CadrePageTests.id(app, "SELECT id FROM cadres WHERE phone = '13900000001'")

            var form = ["name": "黄帮扶", "phone": "13900000002", "unit": "县教育局", "unit_level": "县直", "post": "股长", "rank": "一般干部",
                        "username": "cadre", "reason": "登记证件号码", "id_number": String(cadreID.dropLast()) + (cadreID.last == "1" ? "2" : "1")]
            var res = try await WebHarness.post(app, "cadres/\(helper)", countyUser, form)
            #expect(res.status == .unprocessableEntity && res.body.contains("f-id_number-fault") && res.body.contains("登记证件号码"),
                    "a wrong check digit is refused at its field, the reason typed kept")
            form["id_number"] = cadreID
            res = try await WebHarness.post(app, "cadres/\(helper)", countyUser, form)
            #expect(res.location?.hasPrefix("/cadres/\(helper)") == true, "\(res.status) \(res.body.prefix(300))")
            #expect(try await CadreStore.find(Cadre.ID(helper), on: app.db)?.idNumber == cadreID)
            var other = form
            other["name"] = "韦书记"; other["phone"] = "13900000001"
            res = try await WebHarness.post(app, "cadres/\(secretary)", countyUser, other)
            #expect(res.status == .unprocessableEntity && res.body.contains("已登记为干部黄帮扶") && res.body.contains("f-id_number-fault"), "one number, one cadre")

            let pay = FileManager.default.temporaryDirectory.appendingPathComponent("pay-\(UUID().uuidString).csv")
            try "证件号码,姓名,金额,发放日期\n\(paidID),\(paidName),2000,2019-06-10\n".write(to: pay, atomically: true, encoding: .utf8)
            let loaded = try await BenefitsService.load(BenefitFileReader.read(pay, today: ctx.today), policy: "industry", department: nil, file: pay,
                                                        county: county, dryRun: false, in: ctx)
            #expect(loaded.written)
            try await app.testing().test(.GET, "leaks?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                let body = r.body.string
                #expect(body.contains("公职人员或其亲属领取") && body.contains("与干部黄帮扶（县教育局）同户"), "the cadre named as a cadre")
            }

            // A cadre file without the column keeps the number; one giving the helper's number to the secretary writes nothing.
            let set = ctx.responsibility.active
            let without = FileManager.default.temporaryDirectory.appendingPathComponent("cadres-\(UUID().uuidString).csv")
            try "姓名,联系电话,单位,单位层级,职务,职级\n黄帮扶,13900000002,县教育局,县直,副股长,一般干部\n".write(to: without, atomically: true, encoding: .utf8)
            var outcome = try await ResponsibilityService.loadCadres(CadreFileReader.read(without, set: set, county: county, today: ctx.today), county: county,
                                                                     dryRun: false, reason: "职务变动", in: ctx)
            #expect(outcome.written)
            let kept = try await CadreStore.find(Cadre.ID(helper), on: app.db)
            #expect(kept?.post == "副股长" && kept?.idNumber == cadreID)
            let clash = FileManager.default.temporaryDirectory.appendingPathComponent("cadres-\(UUID().uuidString).csv")
            try "姓名,联系电话,单位,单位层级,职务,职级,证件号码\n韦书记,13900000001,县委组织部,县直,科员,一般干部,\(cadreID)\n"
                .write(to: clash, atomically: true, encoding: .utf8)
            outcome = try await ResponsibilityService.loadCadres(CadreFileReader.read(clash, set: set, county: county, today: ctx.today), county: county,
                                                                 dryRun: false, reason: "核对", in: ctx)
            #expect(!outcome.written && outcome.issues.contains { $0.row == 2 && $0.column == "证件号码" && $0.message.contains("黄帮扶") })
            #expect(try await CadreStore.find(Cadre.ID(secretary), on: app.db)?.idNumber == nil, "nothing written")
        }
    }
}
