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

/// Issue #16 end to end on both databases: the county registers a source; a village proposes a project, the
/// township and county review it, it is posted (and cannot enter the pool before ten days), pooled, planned,
/// built; money allocated to it is refused for reimbursement before acceptance, before the acceptance date and
/// beyond the allocation; a township's old, unspent money shows as idle on the page, CSV and JSON and is listed
/// as a problem once; every change is audited.
@Suite struct FundsFlowTests {
    static func id(_ res: (status: HTTPStatus, body: String, location: String?), _ prefix: String) -> Int64? {
        res.location.flatMap { loc in loc.hasPrefix(prefix) ? Int64(loc.dropFirst(prefix.count).prefix { $0.isNumber }) : nil }
    }

    @Test func a_project_from_proposal_to_reimbursement_and_idle_funds_to_a_problem() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let township = try await WebHarness.signIn(app, as: "township")
            let village = try await WebHarness.signIn(app, as: "village")
            let sql = app.db as! any SQLDatabase
            let today = LocalDate(Date())
            // A source: a bad amount is named and the document typed stays.
            var source = ["kind": "整合涉农资金", "document": "东政发〔2026〕7号", "title": "2026年整合资金", "issued": today.adding(days: -200).description,
                          "amount": "-5", "county": ""]
            var res = try await WebHarness.post(app, "funds/sources", county, source)
            #expect(res.status == .unprocessableEntity && res.body.contains("source-amount-fault") && res.body.contains("东政发〔2026〕7号"))
            source["amount"] = "2,000,000"
            res = try await WebHarness.post(app, "funds/sources", county, source)
            #expect(res.location?.hasPrefix("/funds") == true, "\(res.status) \(res.body.prefix(300))")
            res = try await WebHarness.post(app, "funds/sources", village, source)
            #expect(res.status == .forbidden, "a village registers no money")
            let sourceID = try await sql.raw("SELECT id FROM fund_sources").first()!.decode(column: "id", as: Int64.self)

            // A village proposes; a bad amount keeps the typed name.
            var proposal = ["name": "弄谷村百香果基地", "category": "产业发展", "nature": "新建", "villages": Samples.village.value, "unit": "东兰镇人民政府",
                            "tasks": "种植百香果200亩", "planned": "五十万", "funding": "整合资金50万", "year": String(today.year),
                            "start": today.adding(days: -100).description, "end": today.adding(days: 100).description, "households": "H0001 H0002",
                            "beneficiaries": "30", "targets": "带动贫困户40户增收", "mechanism": "务工和分红"]
            res = try await WebHarness.post(app, "projects", village, proposal)
            #expect(res.status == .unprocessableEntity && res.body.contains("project-planned-fault") && res.body.contains("弄谷村百香果基地"))
            proposal["planned"] = "500000"
            proposal["villages"] = Samples.otherVillage.value
            res = try await WebHarness.post(app, "projects", village, proposal)
            #expect(res.status == .unprocessableEntity && res.body.contains("project-villages-fault"), "not the village's own place")
            proposal["villages"] = Samples.village.value
            res = try await WebHarness.post(app, "projects", village, proposal)
            let project = try #require(Self.id(res, "/projects/"), "\(res.status) \(res.body.prefix(400))")

            // Reviews: a village may not review; the township reviews, then only the county; posting.
            res = try await WebHarness.post(app, "projects/\(project)/steps", village, ["action": "advance"])
            #expect(res.status == .forbidden)
            res = try await WebHarness.post(app, "projects/\(project)/steps", township, ["action": "advance"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            res = try await WebHarness.post(app, "projects/\(project)/steps", township, ["action": "advance"])
            #expect(res.status == .forbidden, "county review is the county's")
            for _ in 0..<2 { res = try await WebHarness.post(app, "projects/\(project)/steps", county, ["action": "advance"]) }
            #expect(res.location != nil)
            res = try await WebHarness.post(app, "projects/\(project)/steps", county, ["action": "advance"])
            #expect(res.status == .unprocessableEntity && res.body.contains("公示不少于10天"), "posted today")
            try await sql.raw("UPDATE projects SET posted_on = \(bind: today.adding(days: -11).description) WHERE id = \(bind: project)").run()
            for _ in 0..<3 { res = try await WebHarness.post(app, "projects/\(project)/steps", county, ["action": "advance"]) }
            try await app.testing().test(.GET, "projects/\(project)", headers: WebHarness.headers(village)) { r async in
                #expect(r.body.string.contains("aria-current=\"step\">实施中"), "pooled, planned, under way")
            }

            // Money for the project; reimbursement refused before acceptance, before its date and beyond the allocation.
            res = try await WebHarness.post(app, "funds/allocations", county, ["source": String(sourceID), "area": "", "project": String(project),
                                                                              "amount": "3000000", "date": today.adding(days: -30).description, "unit": "东兰镇人民政府"])
            #expect(res.status == .unprocessableEntity && res.body.contains("超过该资金来源的余额"))
            res = try await WebHarness.post(app, "funds/allocations", county, ["source": String(sourceID), "area": "", "project": String(project),
                                                                              "amount": "500000", "date": today.adding(days: -30).description, "unit": "东兰镇人民政府"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            let allocation = try await sql.raw("SELECT id FROM fund_allocations WHERE project_id = \(bind: project)").first()!.decode(column: "id", as: Int64.self)
            var pay = ["allocation": String(allocation), "amount": "100000", "date": today.description, "voucher": "记-001", "level": "县级报账"]
            res = try await WebHarness.post(app, "projects/\(project)/reimbursements", county, pay)
            #expect(res.status == .unprocessableEntity && res.body.contains("尚未验收"))
            res = try await WebHarness.post(app, "projects/\(project)/steps", county, ["action": "advance"])
            pay["date"] = today.adding(days: -1).description
            res = try await WebHarness.post(app, "projects/\(project)/reimbursements", county, pay)
            #expect(res.status == .unprocessableEntity && res.body.contains("早于验收日期"))
            pay["date"] = today.description
            pay["amount"] = "500000.01"
            res = try await WebHarness.post(app, "projects/\(project)/reimbursements", county, pay)
            #expect(res.status == .unprocessableEntity && res.body.contains("余额"))
            pay["amount"] = "100000"
            res = try await WebHarness.post(app, "projects/\(project)/reimbursements", county, pay)
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "projects/\(project)", headers: WebHarness.headers(township)) { r async in
                #expect(r.body.string.contains("记-001") && r.body.string.contains("20.0%"))
            }

            // A township's money, 120 days old and 10% reimbursed, is idle.
            res = try await WebHarness.post(app, "funds/allocations", county, ["source": String(sourceID), "area": "451224100", "project": "",
                                                                              "amount": "1000000", "date": today.adding(days: -120).description, "unit": "东兰镇人民政府"])
            let idle = try await sql.raw("SELECT id FROM fund_allocations WHERE project_id IS NULL").first()!.decode(column: "id", as: Int64.self)
            res = try await WebHarness.post(app, "funds/reimbursements", township, ["allocation": String(idle), "amount": "100000",
                                                                                   "date": today.adding(days: -60).description, "voucher": "镇-01", "level": "乡镇报账"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "funds", headers: WebHarness.headers(county)) { r async in
                let body = r.body.string
                #expect(body.contains("id=\"idle-funds\"") && body.contains("10.0%") && body.contains("120"), "idle row with its rate and age")
            }
            try await app.testing().test(.GET, "funds.csv", headers: WebHarness.headers(county)) { r async in
                let lines = r.body.string.split(separator: "\r\n").map(String.init)
                #expect(lines.first?.hasSuffix("区划代码,资金来源,文号,下达金额,已报账金额,报账率,下达日期,沉淀天数,是否沉淀") == true)
                #expect(lines.contains { $0.hasPrefix("451224100") && $0.hasSuffix(",120,是") }, "\(lines)")
            }
            try await app.testing().test(.GET, "api/v1/funds?idle_days=200", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("\"idleCount\":0"), "a longer threshold: nothing idle")
                struct Body: Decodable { struct Group: Decodable { var key: String; var rate: String }; var units: [Group] }
                let units = (try? r.content.decode(Body.self))?.units ?? []
                #expect(units.first?.key == "东兰镇人民政府" && units.first?.rate.hasSuffix("%") == true, "by unit, the lowest rate first: \(units)")
            }
            try await app.testing().test(.GET, "funds", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("id=\"by-unit\"") && r.body.string.contains("东兰镇人民政府"))
            }
            try await app.testing().test(.GET, "api/v1/funds?as_of=", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .badRequest)
            }
            res = try await WebHarness.post(app, "funds/flag", county, ["area": "", "as_of": today.description])
            res = try await WebHarness.post(app, "funds/flag", county, ["area": "", "as_of": today.description])
            let problems = try await sql.raw("SELECT COUNT(*) AS n FROM problems WHERE source = '资金监测'").first()!.decode(column: "n", as: Int.self)
            #expect(problems == 1, "listed once")
            let actions = Set(try await sql.raw("SELECT action FROM audit_events").all().map { try $0.decode(column: "action", as: String.self) })
            #expect(actions.isSuperset(of: ["fund_source.add", "allocation.add", "reimbursement.add", "project.add", "project.step", "problem.add"]))
        }
    }
}
