import Foundation
import SQLKit
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// 程序办理 on the household page: the village team records its steps, the county announces; refused
/// actions answer with the reason and write nothing.
@Suite struct ProcedurePageTests {
    func post(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ form: [String: String]) async throws -> (HTTPStatus, String) {
        let (status, body, _) = try await WebHarness.post(app, path, session, form)
        return (status, body)
    }

    func steps(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'procedure.step'").first()!.decode(column: "n", as: Int.self)
    }

    @Test func village_steps_then_county_announcement_with_an_objection_between() async throws {
        try await WebHarness.withLoadedApp { app in
            let village = try await WebHarness.signIn(app, as: "village")
            let (started, _) = try await post(app, "households/1/procedures", village, ["kind": "贫困户退出"])
            #expect(started == .seeOther || started == .found)
            let (again, message) = try await post(app, "households/1/procedures", village, ["kind": "贫困户退出"])
            #expect(again == .conflict && message.contains("已有未完成"))
            for (step, date) in [("民主评议", "2016-12-01"), ("核实", "2016-12-02"), ("户认可", "2016-12-02"), ("公示", "2016-12-03")] {
                let (s, body) = try await post(app, "procedures/1/steps", village, ["step": step, "date": date, "note": "\(step)记录"])
                #expect(s == .seeOther || s == .found, "\(step): \(body.prefix(300))")
            }
            let (outOfOrder, why) = try await post(app, "procedures/1/steps", village, ["step": "销号", "date": "2016-12-20"])
            #expect(outOfOrder == .forbidden && why.contains("县"), "销号 is the county's step")
            let (bad, _) = try await post(app, "procedures/1/steps", village, ["step": "公告", "date": "2016-13-40"])
            #expect(bad == .unprocessableEntity)
            _ = try await post(app, "procedures/1/objections", village, ["text": "群众反映收入不实", "date": "2016-12-04"])

            let county = try await WebHarness.signIn(app, as: "county")
            let before = try await steps(app)
            let (early, earlyWhy) = try await post(app, "procedures/1/steps", county, ["step": "公告", "date": "2016-12-05"])
            #expect(early == .conflict && earlyWhy.contains("2016-12-10"))
            let (held, heldWhy) = try await post(app, "procedures/1/steps", county, ["step": "公告", "date": "2016-12-12"])
            #expect(held == .conflict && heldWhy.contains("异议"))
            #expect(try await steps(app) == before, "refused steps write nothing")
            _ = try await post(app, "procedures/1/objections/0/resolve", village, ["resolution": "入户核实收入属实", "date": "2016-12-06"])
            let (announced, _) = try await post(app, "procedures/1/steps", county, ["step": "公告", "date": "2016-12-12"])
            #expect(announced == .seeOther || announced == .found)
            // H0001's 2016 income (2,666.67) is below the line: 销号 is refused with the missing item.
            let (closed, closedWhy) = try await post(app, "procedures/1/steps", county, ["step": "销号", "date": "2016-12-13"])
            #expect(closed == .conflict && closedWhy.contains("收入"))

            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                let body = res.body.string
                #expect(body.contains("贫困户退出（进行中）"))
                #expect(body.contains("公示：2016-12-03") && body.contains("公告：2016-12-12"))
                #expect(body.contains("群众反映收入不实") && body.contains("入户核实收入属实"))
                #expect(body.contains("办理“销号”"))
            }
            let leader = try await WebHarness.signIn(app, as: "leader")
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(leader)) { res async in
                #expect(!res.body.string.contains("办理“销号”") && !res.body.string.contains("启动程序"), "a leader reads but does not act")
            }
        }
    }
}
