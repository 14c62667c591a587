import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// Issue #16 items 5–6 on both databases: a payment list with a fault loads nothing; a good one loads (an ID not
/// in the registry is a warning, kept and flagged); the same file twice is refused; the leaks queue shows the
/// planted cases with their reasons; a decision without a reason keeps what was typed; the household page shows
/// its ledger; every change is audited.
@Suite struct BenefitsFlowTests {
    static func file(_ rows: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pay-\(UUID().uuidString).csv")
        try (["证件号码,姓名,金额,发放日期"] + rows).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func a_payment_list_loads_and_its_leaks_are_verified() async throws {
        try await WebHarness.withLoadedApp { app in
            let sql = app.db as! any SQLDatabase
            let ctx = ServiceContext.commandLine(db: app.db)
            let member = try await sql.raw("SELECT id_number, name, household_id FROM members ORDER BY id").first()!
            let id = try member.decode(column: "id_number", as: String.self), name = try member.decode(column: "name", as: String.self)
            let household = try member.decode(column: "household_id", as: Int64.self)
            let stranger = ResidentID.make(region: "451224", birth: LocalDate(year: 1971, month: 10, day: 15)!, sequence: 901).number
            let county = AreaCode("451224")!

            let bad = try Self.file(["\(id),\(name),-5,2019-09-15"])
            var outcome = try await BenefitsService.load(BenefitFileReader.read(bad, today: ctx.today), policy: "industry", department: nil, file: bad,
                                                         county: county, dryRun: false, in: ctx)
            #expect(!outcome.written && outcome.issues.contains { $0.row == 2 && $0.column == "金额" })
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM benefits").first()!.decode(column: "n", as: Int.self) == 0, "nothing written")
            await #expect(throws: Refused.self) {
                _ = try await BenefitsService.load(BenefitFileReader.read(bad, today: ctx.today), policy: "no-such", department: nil, file: bad,
                                                   county: county, dryRun: false, in: ctx)
            }

            let good = try Self.file(["\(id),\(name),1500,2019-05-15", "\(id),\(name),1500,2019-05-28", "\(stranger),韦某,3000,2019-05-15"])
            outcome = try await BenefitsService.load(BenefitFileReader.read(good, today: ctx.today), policy: "industry", department: nil, file: good,
                                                     county: county, dryRun: false, in: ctx)
            #expect(outcome.written && outcome.changed == 3 && outcome.issues.filter { $0.severity == .warning }.count == 1)
            outcome = try await BenefitsService.load(BenefitFileReader.read(good, today: ctx.today), policy: "industry", department: nil, file: good,
                                                     county: county, dryRun: false, in: ctx)
            #expect(!outcome.written && outcome.issues.contains { $0.message.contains("已导入过") }, "the same file twice")

            let countyUser = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "leaks?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                let body = r.body.string
                #expect(body.contains("重复发放") && body.contains("2019年5月发放2次") && body.contains("不在建档立卡名单") && body.contains(stranger))
            }
            try await app.testing().test(.GET, "leaks.csv?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.body.string.contains("户编号,证件号码,政策,规则,金额,说明"))
            }
            let q = try await BenefitsService.leaks(year: 2019, area: county, in: ctx)
            let twice = try #require(q.flags.first { $0.rule == .paidTwice })
            var res = try await WebHarness.post(app, "leaks/decide", countyUser, ["year": "2019", "area": "451224", "key": twice.key, "outcome": "", "reason": "财政所重复录入"])
            #expect(res.status == .unprocessableEntity && res.body.contains("财政所重复录入"), "the reason typed stays")
            res = try await WebHarness.post(app, "leaks/decide", countyUser, ["year": "2019", "area": "451224", "key": twice.key, "outcome": "追回资金", "reason": "财政所重复录入，已追回"])
            #expect(res.location?.hasPrefix("/leaks") == true, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "api/v1/leaks?year=2019", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.body.string.contains("\"outcome\":\"追回资金\""))
            }
            let township = try await WebHarness.signIn(app, as: "township")
            res = try await WebHarness.post(app, "leaks/decide", township, ["year": "2019", "area": "451224", "key": twice.key, "outcome": "保留", "reason": "乡镇不能核实"])
            #expect(res.status == .notFound || res.status == .forbidden, "only the county decides")
            try await app.testing().test(.GET, "households/\(household)", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.body.string.contains("到户资金（防漏表）") && r.body.string.contains("2019年：2 笔，合计 3,000 元"))
            }
            // The finance department's payroll names a member of the same household: the payments become a leak to verify.
            let kin = try #require(try await sql.raw("SELECT id_number, name FROM members WHERE household_id = \(bind: household) AND id_number <> \(bind: id)").first())
            let official = try kin.decode(column: "id_number", as: String.self), officialName = try kin.decode(column: "name", as: String.self)
            let payroll = FileManager.default.temporaryDirectory.appendingPathComponent("payroll-\(UUID().uuidString).csv")
            try "证件号码,姓名,单位,入编日期\n\(official),\(officialName),县林业局,2012-03-01\n".write(to: payroll, atomically: true, encoding: .utf8)
            let loaded = try await MatchService.load(DepartmentFileReader.read(payroll, kind: .payroll, today: ctx.today), kind: .payroll, file: payroll,
                                                     county: county, dryRun: false, in: ctx)
            #expect(loaded.written)
            try await app.testing().test(.GET, "leaks?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                let body = r.body.string
                #expect(body.contains("公职人员或其亲属领取") && body.contains("与财政供养人员\(officialName)（县林业局）同户"), "a payment to an official's household")
            }
            // A verification finds its flag from the person's household alone, as the county's check lists it.
            let all = try await BenefitsService.leaks(year: 2019, area: county, in: ctx).flags
            #expect(Set(all.map(\.rule)).isSuperset(of: [.paidTwice, .notRegistered, .official]), "\(all.map(\.rule))")
            for f in all {
                let alone = try await BenefitsService.leakFlag(year: 2019, key: f.key, county: county, in: ctx)
                #expect(alone == f, "\(f.key)")
            }
            #expect(try await BenefitsService.leakFlag(year: 2019, key: "2019|' OR 1=1 --|dibao|重复发放", county: county, in: ctx) == nil)
            let actions = Set(try await sql.raw("SELECT action FROM audit_events").all().map { try $0.decode(column: "action", as: String.self) })
            #expect(actions.isSuperset(of: ["benefits.import", "leak.decide"]))
        }
    }
}
