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

/// Issue #15 end to end on both databases: an inspector orders an unannounced visit and draws its sample
/// (hidden from the inspected county until closed), records a finding; the township claims it, the village
/// applies to close with evidence, the county returns it once and — not being the rectifier — closes it;
/// an overdue problem shows and escalates; a cadre sends on a visit's problem; every step is audited.
@Suite struct SupervisionFlowTests {
    static func id(_ res: (status: HTTPStatus, body: String, location: String?), _ prefix: String) -> Int64? {
        res.location.flatMap { loc in loc.hasPrefix(prefix) ? Int64(loc.dropFirst(prefix.count).prefix { $0.isNumber }) : nil }
    }

    @Test func the_loop_from_a_draw_to_a_closed_problem() async throws {
        try await WebHarness.withLoadedApp { app in
            let inspector = try await WebHarness.signIn(app, as: "inspector")
            let county = try await WebHarness.signIn(app, as: "county")
            let township = try await WebHarness.signIn(app, as: "township")
            let village = try await WebHarness.signIn(app, as: "village")
            let today = LocalDate(Date())
            // 部署暗访 and draw.
            var res = try await WebHarness.post(app, "inspections", inspector, ["kind": "暗访", "title": "八月暗访", "team": "", "start": today.description,
                                                                               "end": today.adding(days: 5).description, "area": "451224", "method": ""])
            let inspection = try #require(Self.id(res, "/inspections/"), "\(res.status) \(res.body.prefix(400))")
            res = try await WebHarness.post(app, "inspections/\(inspection)/draw", county, ["villages": "1", "households": "2", "seed": "7"])
            #expect(res.status == .forbidden, "only the team draws")
            res = try await WebHarness.post(app, "inspections/\(inspection)/draw", inspector, ["villages": "1", "households": "2", "seed": "7"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "inspections/\(inspection)", headers: WebHarness.headers(inspector)) { r async in
                #expect(r.body.string.contains("抽中的村和户（种子 7）"))
            }
            try await app.testing().test(.GET, "inspections/\(inspection)", headers: WebHarness.headers(township)) { r async in
                #expect(r.status == .ok)
                #expect(!r.body.string.contains("抽中的村和户") && r.body.string.contains("督查结束后公开"), "the inspected township does not see the draw")
            }
            // A finding at a household; a form fault keeps what was typed.
            var finding = ["area": Samples.village.value, "category": "查帮扶措施", "description": "帮扶手册与实际不符", "households": "H9999",
                           "severity": "较重", "found": today.description, "deadline": "", "unit": ""]
            res = try await WebHarness.post(app, "inspections/\(inspection)/findings", inspector, finding)
            #expect(res.status == .unprocessableEntity && res.body.contains("p-households-fault") && res.body.contains("帮扶手册与实际不符"))
            finding["households"] = "H0001"
            res = try await WebHarness.post(app, "inspections/\(inspection)/findings", inspector, finding)
            let problem = try #require(Self.id(res, "/problems/"), "\(res.status) \(res.body.prefix(400))")
            // The township claims it; the village applies without and then with evidence.
            res = try await WebHarness.post(app, "problems/\(problem)/steps", township, ["action": "claim", "unit": "东兰镇人民政府"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            res = try await WebHarness.post(app, "problems/\(problem)/steps", village, ["action": "apply", "evidence": "已改"])
            #expect(res.status == .unprocessableEntity && res.body.contains("s-evidence-fault"))
            res = try await WebHarness.post(app, "problems/\(problem)/steps", village, ["action": "apply", "evidence": "逐户核对帮扶手册，已重新填写并由户主签字"])
            #expect(res.location != nil)
            // The village may not close; the county returns once, then the village applies again and the county closes.
            res = try await WebHarness.post(app, "problems/\(problem)/steps", village, ["action": "close", "note": ""])
            #expect(res.status == .forbidden)
            res = try await WebHarness.post(app, "problems/\(problem)/steps", county, ["action": "return", "note": "缺少照片"])
            #expect(res.location != nil)
            res = try await WebHarness.post(app, "problems/\(problem)/steps", county, ["action": "close", "note": ""])
            #expect(res.status == .conflict, "a returned problem is not closed")
            res = try await WebHarness.post(app, "problems/\(problem)/steps", village, ["action": "apply", "evidence": "补充照片三张，户主签字确认"])
            res = try await WebHarness.post(app, "problems/\(problem)/steps", county, ["action": "close", "note": "核实无误"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "problems/\(problem)", headers: WebHarness.headers(township)) { r async in
                let body = r.body.string
                #expect(body.contains("已销号") && body.contains("退回") && body.contains("缺少照片") && body.contains("补充照片三张"), "the whole history")
            }
            // The rectifier may not close their own fix even where they review.
            finding["households"] = ""
            finding["description"] = "公示栏未更新"
            res = try await WebHarness.post(app, "inspections/\(inspection)/findings", inspector, finding)
            let second = try #require(Self.id(res, "/problems/"))
            _ = try await WebHarness.post(app, "problems/\(second)/steps", county, ["action": "claim", "unit": "县扶贫办"])
            _ = try await WebHarness.post(app, "problems/\(second)/steps", county, ["action": "apply", "evidence": "公示栏已更新并拍照留存"])
            res = try await WebHarness.post(app, "problems/\(second)/steps", county, ["action": "close", "note": ""])
            #expect(res.status == .forbidden && res.body.contains("整改人不能"))
            // An overdue problem: found long ago, never claimed.
            let old = ["source": "群众举报", "area": Samples.village.value, "category": "查政策落实", "description": "低保未落实", "households": "",
                       "severity": "严重", "found": today.adding(days: -40).description, "deadline": "", "unit": ""]
            res = try await WebHarness.post(app, "problems", county, old)
            let overdue = try #require(Self.id(res, "/problems/"), "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "problems?area=451224&overdue=1", headers: WebHarness.headers(county)) { r async in
                let body = r.body.string
                #expect(body.contains("/problems/\(overdue)\"") && body.contains("逾期 33 天，已升级督办"), "\(body.prefix(3000))")
                #expect(!body.contains("/problems/\(problem)\""), "a closed problem is not overdue")
            }
            try await app.testing().test(.GET, "problems.csv?area=451224", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("编号,来源,区划代码,责任单位,责任人,类别,问题描述,发现日期,整改期限,状态,销号日期"))
                #expect(r.body.string.contains("整改中（逾期）") || r.body.string.contains("待认领（逾期）"))
            }
            try await app.testing().test(.GET, "api/v1/problems?state=已销号", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .ok && r.body.string.contains("\"total\":1"), "\(r.body.string.prefix(300))")
            }
            try await app.testing().test(.GET, "api/v1/problems?state=done", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .badRequest)
            }
            // Closing the inspection shows the draw to the township.
            res = try await WebHarness.post(app, "inspections/\(inspection)/close", inspector, [:])
            try await app.testing().test(.GET, "inspections/\(inspection)", headers: WebHarness.headers(township)) { r async in
                #expect(r.body.string.contains("抽中的村和户"))
            }
            for (action, n) in [("inspection.add", 1), ("inspection.draw", 1), ("inspection.close", 1), ("problem.add", 3)] {
                #expect(try await ResponsibilityFlowTests.count(app, action) == n, "\(action)")
            }
            #expect(try await ResponsibilityFlowTests.count(app, "problem.step") == 7, "claim, apply, return, apply, close; claim, apply")
        }
    }

    /// 分办: the county divides a problem between two units with their own deadlines; a bad row is named and keeps what
    /// was typed; the problem keeps the first unit, the second gets a problem of its own, both pages list the pair,
    /// and the bulletin counts one problem found by area but one for each unit.
    @Test func a_problem_divided_among_units() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let today = LocalDate(Date())
            var res = try await WebHarness.post(app, "problems", county, ["source": "群众举报", "area": Samples.village.value, "category": "查政策落实",
                                                                          "description": "教育资助和医疗救助均未到户", "households": "H0001", "severity": "较重",
                                                                          "found": today.description, "deadline": "", "unit": ""])
            let problem = try #require(Self.id(res, "/problems/"), "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "problems/\(problem)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("id=\"step-divide\""), "the issuing level may divide it")
            }
            let first = today.adding(days: 15).description, second = today.adding(days: 30).description
            res = try await WebHarness.post(app, "problems/\(problem)/steps", county, ["action": "divide", "unit_0": "县教育局", "deadline_0": first,
                                                                                     "unit_1": "县卫计局", "deadline_1": "2016-13-40"])
            #expect(res.status == .unprocessableEntity && res.body.contains("s-deadline_1-fault") && res.body.contains("value=\"县卫计局\""), "\(res.status)")
            res = try await WebHarness.post(app, "problems/\(problem)/steps", county, ["action": "divide", "unit_0": "县教育局", "deadline_0": first,
                                                                                     "unit_1": "县卫计局", "deadline_1": second])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            let sql = app.db as! any SQLDatabase
            let part = try #require(try await sql.raw("SELECT id FROM problems WHERE parent_id = \(bind: problem)").first()?.decode(column: "id", as: Int64.self))
            try await app.testing().test(.GET, "problems/\(problem)", headers: WebHarness.headers(county)) { r async in
                let body = r.body.string
                #expect(body.contains("id=\"divided\"") && body.contains("县教育局") && body.contains("/problems/\(part)\"") && body.contains(second))
                #expect(body.contains("分办：县教育局（\(first)前）、县卫计局（\(second)前）"), "the step's note")
            }
            try await app.testing().test(.GET, "problems/\(part)", headers: WebHarness.headers(county)) { r async in
                let body = r.body.string
                #expect(body.contains("分办自") && body.contains("/problems/\(problem)\"") && body.contains("县卫计局") && body.contains("由问题 \(problem) 分办"))
            }
            let month = String(today.description.prefix(7))
            let byArea = try await ProblemStore.month(under: AreaCode("451224"), from: LocalDate(iso: month + "-01")!, to: today, byUnit: false, on: app.db)
            #expect(byArea.map(\.found).reduce(0, +) == 1, "one problem found, divided")
            let byUnit = try await ProblemStore.month(under: AreaCode("451224"), from: LocalDate(iso: month + "-01")!, to: today, byUnit: true, on: app.db)
            #expect(Set(byUnit.filter { $0.found == 1 }.map(\.key)) == ["县教育局", "县卫计局"])
            let added = try await ResponsibilityFlowTests.count(app, "problem.add"), stepped = try await ResponsibilityFlowTests.count(app, "problem.step")
            #expect(added == 2 && stepped == 1, "the original and its part listed, one 分办 step")
        }
    }

    @Test func a_cadre_sends_on_what_a_visit_found() async throws {
        try await WebHarness.withLoadedApp { app in
            try await ResponsibilityFlowTests.load(app)
            let cadre = try await WebHarness.signIn(app, as: "cadre")
            let household = try await CadrePageTests.id(app, "SELECT id FROM households WHERE household_no = 'H0001'")
            let today = LocalDate(Date())
            _ = try await WebHarness.post(app, "my/logs", cadre, ["date": today.description, "kind": "入户走访", "household": String(household), "village": "",
                                                                  "content": "入户了解", "householdSaid": "", "problems": "住房漏雨未修", "measures": ""])
            let log = try await CadrePageTests.id(app, "SELECT id FROM work_logs")
            var res = try await WebHarness.post(app, "my/logs/\(log)/forward", cadre, ["category": ""])
            #expect(res.location?.hasPrefix("/my?forwarded=") == true, "\(res.status) \(res.body.prefix(300))")
            res = try await WebHarness.post(app, "my/logs/\(log)/forward", cadre, ["category": ""])
            #expect(res.status == .conflict, "once per log")
            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "problems?source=走访发现", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("住房漏雨未修"))
            }
            // Another cadre's log is not theirs to send.
            let village = try await WebHarness.signIn(app, as: "village")
            res = try await WebHarness.post(app, "my/logs/\(log)/forward", village, [:])
            #expect(res.status == .notFound || res.status == .forbidden)
        }
    }

    @Test func accountability_and_the_months_bulletin() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let township = try await WebHarness.signIn(app, as: "township")
            let today = LocalDate(Date())
            let old = ["source": "群众举报", "area": Samples.village.value, "category": "查政策落实", "description": "低保未落实", "households": "",
                       "severity": "严重", "found": today.adding(days: -20).description, "deadline": "", "unit": "县民政局"]
            var res = try await WebHarness.post(app, "problems", county, old)
            let problem = try #require(Self.id(res, "/problems/"), "\(res.status) \(res.body.prefix(300))")
            var form = ["account_action": "约谈", "basis": "整改逾期", "account_unit": "县民政局", "person": "", "phone": "", "date": today.description,
                        "account_note": ""]
            res = try await WebHarness.post(app, "problems/\(problem)/accountability", county, form)
            #expect(res.status == .unprocessableEntity && res.body.contains("s-account_note-fault") && res.body.contains("县民政局"))
            form["account_note"] = "县纪委约谈县民政局分管负责人"
            res = try await WebHarness.post(app, "problems/\(problem)/accountability", township, form)
            #expect(res.status == .forbidden, "the township is below the issuing level (the county)")
            res = try await WebHarness.post(app, "problems/\(problem)/accountability", county, form)
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "problems/\(problem)", headers: WebHarness.headers(township)) { r async in
                #expect(r.body.string.contains("县纪委约谈县民政局分管负责人"))
            }
            let month = DutyPeriod.month(today.year, today.month)
            try await app.testing().test(.GET, "bulletin?month=\(month.key)&area=451224", headers: WebHarness.headers(county)) { r async in
                let body = r.body.string
                #expect(r.status == .ok)
                #expect(body.contains("脱贫攻坚督查通报") && body.contains("问责 1 起") && body.contains("低保未落实"), "\(body.prefix(2000))")
                #expect(body.contains("月末未销号 1 个，其中逾期 1 个"), "the deadline (7 days for 严重) passed before the month's end")
            }
            try await app.testing().test(.GET, "bulletin.xlsx?month=\(month.key)&area=451224", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .ok && r.body.readableBytes > 1000)
                #expect(r.body.getString(at: r.body.readerIndex, length: 2) == "PK", "a zip (XLSX)")
            }
            try await app.testing().test(.GET, "bulletin?month=2016-Q3", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .badRequest)
            }
            #expect(try await ResponsibilityFlowTests.count(app, "accountability.add") == 1)
        }
    }
}
