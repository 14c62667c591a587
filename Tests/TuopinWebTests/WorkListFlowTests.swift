import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// 月工作清单 on both databases: the county issues a month's tasks (a bad one refused at its fields with what
/// was typed kept; a past month refused); a task is done, reviewed and closed like a problem; one goes overdue;
/// the month's bulletin counts the list apart from the problems.
@Suite struct WorkListFlowTests {
    @Test func the_county_issues_a_months_tasks_and_they_are_tracked_like_problems() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let township = try await WebHarness.signIn(app, as: "township")
            let today = LocalDate(Date())
            let month = DutyPeriod.month(today.year, today.month)
            var task = ["task": "完成", "unit": "", "area": "451224100", "category": "查责任落实", "due": month.first.adding(days: -1).description]
            var res = try await WebHarness.post(app, "worklist?month=\(month.key)", county, task)
            #expect(res.status == .unprocessableEntity)
            for key in ["task", "unit", "due"] { #expect(res.body.contains("task-\(key)-fault"), "\(key)") }
            #expect(res.body.contains("451224100"), "what was typed stays")
            let past = DutyPeriod.month(month.first.adding(days: -40).year, month.first.adding(days: -40).month)
            res = try await WebHarness.post(app, "worklist?month=\(past.key)", county, task)
            #expect(res.status == .unprocessableEntity && res.body.contains("只能下达本月或下月"))
            task = ["task": "完成全镇帮扶手册核对", "unit": "东兰镇人民政府", "area": "451224100", "category": "查帮扶措施", "due": month.last.description]
            res = try await WebHarness.post(app, "worklist?month=\(month.key)", county, task)
            #expect(res.location == "/worklist?month=\(month.key)&saved=1", "\(res.status) \(res.body.prefix(300))")
            task["task"] = "召开脱贫攻坚推进会"
            task["due"] = today.description
            res = try await WebHarness.post(app, "worklist?month=\(month.key)", county, task)
            #expect(res.location != nil)
            res = try await WebHarness.post(app, "worklist?month=\(month.key)", township, task)
            #expect(res.location != nil, "a township issues its own")
            let ids = try await (app.db as! any SQLDatabase).raw("SELECT id FROM problems WHERE source = '月工作清单' ORDER BY id").all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            #expect(ids.count == 3)
            // The township reports the first done; the county closes it. The second is made overdue.
            res = try await WebHarness.post(app, "problems/\(ids[0])/steps", township, ["action": "apply", "evidence": "全镇帮扶手册已逐户核对完毕"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            res = try await WebHarness.post(app, "problems/\(ids[0])/steps", county, ["action": "close", "note": ""])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await (app.db as! any SQLDatabase).raw("UPDATE problems SET deadline = \(bind: today.adding(days: -2).description) WHERE id = \(bind: ids[1])").run()
            try await app.testing().test(.GET, "worklist", headers: WebHarness.headers(township)) { r async in
                let page = r.body.string
                #expect(r.status == .ok)
                #expect(page.contains("共 3 项，已完成 1 项，逾期 1 项"), "\(page.prefix(2000))")
                #expect(page.contains("已完成") && page.contains("逾期 2 天"))
                #expect(page.contains("id=\"task-form\""), "a township issues tasks too")
            }
            try await app.testing().test(.GET, "worklist?month=2016-13", headers: WebHarness.headers(county)) { r async in #expect(r.status == .badRequest) }
            try await app.testing().test(.GET, "bulletin?month=\(month.key)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("月工作清单下达任务 3 项，完成 1 项"), "the bulletin counts the list")
                #expect(r.body.string.contains("新发现问题 0 个"), "tasks are not problems found")
            }
        }
    }
}
