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

/// Issue #14 end to end on both databases: cadres, posts and pairings loaded from files; a cadre logs a visit
/// on their page and sees the month's duties; the county office sees coverage gaps and shortfalls; every
/// change is in the audit trail; each fault of the files is named by row and column and writes nothing.
@Suite struct ResponsibilityFlowTests {
    static let today = LocalDate(Date())
    static var month: DutyPeriod { .month(today.year, today.month) }
    static let start = LocalDate(year: 2016, month: 1, day: 1)!

    static func csv(_ rows: [[String]]) -> URL { Samples.file(CSVFormat.table(rows, byteOrderMark: false), name: "f.csv") }

    static let cadreRows: [[String]] = [CadreFileReader.header,
        ["韦书记", "13900000001", "县水利局", "县直", "副局长", "科级", "第一书记", Samples.village.value, "2016-01-01", "", ""],
        ["黄帮扶", "13900000002", "县教育局", "县直", "干部", "一般干部", "", "", "", "", "cadre"]]

    static func load(_ app: Application) async throws {
        let ctx = ServiceContext.commandLine(db: app.db)
        let set = ctx.responsibility.active
        let cadres = try await ResponsibilityService.loadCadres(CadreFileReader.read(csv(cadreRows), set: set, county: AreaCode("451224"), today: today),
                                                                county: AreaCode("451224"), dryRun: false, reason: "测试", in: ctx)
        #expect(cadres.written && cadres.changed == 3, "\(cadres.issues)")
        let pairs = try await ResponsibilityService.loadPairings(PairingFileReader.read(csv([PairingFileReader.header,
            ["H0001", "13900000002", "2016-01-01", "", "结对帮扶"], ["H0002", "13900000002", "2016-01-01", "", "结对帮扶"]]), today: today),
            county: AreaCode("451224"), dryRun: false, in: ctx)
        #expect(pairs.written && pairs.changed == 2, "\(pairs.issues)")
    }

    @Test func a_cadre_logs_a_visit_and_the_county_sees_duties_and_gaps() async throws {
        try await WebHarness.withLoadedApp { app in
            try await Self.load(app)
            let cadre = try await WebHarness.signIn(app, as: "cadre")
            try await app.testing().test(.GET, "my", headers: WebHarness.headers(cadre)) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("结对帮扶的户（2 户）"))
                #expect(res.body.string.contains("还差 1 次"), "a visit to each household is owed this month")
            }
            let household = try await (app.db as! any SQLDatabase).raw("SELECT id FROM households WHERE household_no = 'H0001'").first()!
                .decode(column: "id", as: Int64.self)
            // 帮扶干部 see their paired households, and no other.
            let other = try await (app.db as! any SQLDatabase).raw("SELECT id FROM households WHERE household_no = 'H0003'").first()!
                .decode(column: "id", as: Int64.self)
            try await app.testing().test(.GET, "households/\(household)", headers: WebHarness.headers(cadre)) { res async in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "households/\(other)", headers: WebHarness.headers(cadre)) { res async in
                #expect(res.status == .notFound)
            }
            var form = ["date": Self.today.description, "kind": "入户走访", "household": String(household), "village": "",
                        "content": "了解务工情况", "householdSaid": "希望有技术培训", "problems": "住房漏雨", "measures": "联系危房改造"]
            let saved = try await WebHarness.post(app, "my/logs", cadre, form)
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.body.prefix(300))")
            try await app.testing().test(.GET, "my", headers: WebHarness.headers(cadre)) { res async in
                #expect(res.body.string.contains("本期走访 1 次"))
                #expect(res.body.string.contains("了解务工情况"))
            }
            // The household page shows its helper and the visit, entered once.
            try await app.testing().test(.GET, "households/\(household)", headers: WebHarness.headers(cadre)) { res async in
                #expect(res.body.string.contains("黄帮扶") && res.body.string.contains("走访记录（1 次）") && res.body.string.contains("联系危房改造"))
            }
            // A rejected log keeps what was typed and names the field.
            form["date"] = "2099-01-01"
            let refused = try await WebHarness.post(app, "my/logs", cadre, form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("date-fault") && refused.body.contains("希望有技术培训"))
            #expect(try await Self.count(app, "work_log.add") == 1)
            #expect(try await Self.count(app, "pairing.add") == 2)
            #expect(try await Self.count(app, "cadre.save") == 2)

            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "duty?period=\(Self.month.key)&area=451224", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("韦书记") && body.contains("在村天数 0 天 &lt; 20 天") || body.contains("在村天数 0 天 < 20 天"), "the first secretary logged nothing")
                #expect(body.contains("黄帮扶"), "one household of two is still unvisited")
                #expect(body.contains("缺岗"), "the other village has no first secretary")
            }
            try await app.testing().test(.GET, "duty.csv?period=\(Self.month.key)", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains("区划代码,姓名,单位,职责,规则,要求,实际,是否达标,说明"))
            }
            try await app.testing().test(.GET, "api/v1/duty?period=\(Self.month.key)", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"layer\":\"第一书记\""))
            }
            try await app.testing().test(.GET, "duty?period=2016-13", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .unprocessableEntity || res.status == .badRequest)
            }
            // A village team without a cadre record is told so, not shown an error page.
            let village = try await WebHarness.signIn(app, as: "village")
            try await app.testing().test(.GET, "my", headers: WebHarness.headers(village)) { res async in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("尚未登记为干部"))
            }
        }
    }

    static func count(_ app: Application, _ action: String) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = \(bind: action)").first()!
            .decode(column: "n", as: Int.self)
    }

    @Test func every_fault_of_the_files_is_named_and_nothing_is_written() async throws {
        try await WebHarness.withLoadedApp { app in
            try await Self.load(app)
            let ctx = ServiceContext.commandLine(db: app.db)
            let set = ctx.responsibility.active
            func cadres(_ row: [String]) async throws -> [ImportIssue] {
                let read = CadreFileReader.read(Self.csv([CadreFileReader.header, row]), set: set, county: AreaCode("451224"), today: Self.today)
                return try await ResponsibilityService.loadCadres(read, county: AreaCode("451224"), dryRun: false, reason: "t", in: ctx).issues
            }
            var issues = try await cadres(["甲", "12345", "县水利局", "县直", "干部", "科级", "", "", "", "", ""])
            #expect(issues.count == 1 && issues[0].row == 2 && issues[0].column == "联系电话")
            issues = try await cadres(["甲", "13900000009", "县水利局", "县直", "干部", "科级", "第一书记", Samples.village.value, "2017-01-01", "2016-01-01", ""])
            #expect(issues.count == 1 && issues[0].column == "结束日期")
            issues = try await cadres(["甲", "13900000009", "县水利局", "县直", "干部", "科级", "第一书记", Samples.village.value, "2017-01-01", "", ""])
            #expect(issues.count == 1 && issues[0].column == "开始日期" && issues[0].message.contains("重叠"), "\(issues)")
            issues = try await cadres(["甲", "13900000009", "县水利局", "县直", "干部", "科级", "总书记", Samples.village.value, "2017-01-01", "", ""])
            #expect(issues.count == 1 && issues[0].column == "岗位")
            issues = try await cadres(["甲", "13900000009", "县水利局", "县直", "干部", "科级", "", "", "", "", "", "452728196511154617"])
            #expect(issues.count == 1 && issues[0].row == 2 && issues[0].column == "证件号码", "a wrong check digit: \(issues)")
            let two = CadreFileReader.read(Self.csv([CadreFileReader.header,
                                                     ["甲", "13900000009", "县水利局", "县直", "干部", "科级", "", "", "", "", "", "452728196511154616"],
                                                     ["乙", "13900000010", "县水利局", "县直", "干部", "科级", "", "", "", "", "", "452728196511154616"]]),
                                           set: set, county: AreaCode("451224"), today: Self.today)
            #expect(two.issues.count == 1 && two.issues[0].row == 3 && two.issues[0].column == "证件号码", "one number, one cadre: \(two.issues)")

            func pairs(_ row: [String]) async throws -> [ImportIssue] {
                try await ResponsibilityService.loadPairings(PairingFileReader.read(Self.csv([PairingFileReader.header, row]), today: Self.today),
                                                             county: AreaCode("451224"), dryRun: false, in: ctx).issues
            }
            issues = try await pairs(["H9999", "13900000002", "2016-01-01", "", ""])
            #expect(issues.count == 1 && issues[0].column == "户编号")
            issues = try await pairs(["H0003", "13900000077", "2016-01-01", "", ""])
            #expect(issues.count == 1 && issues[0].column == "帮扶责任人电话")

            func logs(_ row: [String]) async throws -> (issues: [ImportIssue], written: Bool) {
                let read = WorkLogFileReader.read(Self.csv([WorkLogFileReader.header, row]), county: AreaCode("451224"), today: Self.today)
                let o = try await ResponsibilityService.loadLogs(read, county: AreaCode("451224"), file: "f.csv", dryRun: false, in: ctx)
                return (o.issues, o.written)
            }
            var r = try await logs(["13900000002", "2099-01-01", "入户走访", Samples.village.value, "H0001", "否", "", "", "", "", ""])
            #expect(r.issues.count == 1 && r.issues[0].column == "日期" && !r.written)
            r = try await logs(["13900000002", "2015-06-01", "入户走访", Samples.village.value, "H0001", "否", "", "", "", "", ""])
            #expect(r.issues.count == 1 && r.issues[0].message.contains("早于结对开始日期") && !r.written, "\(r.issues)")
            r = try await logs(["13900000001", "2016-06-01", "入户走访", Samples.village.value, "H0001", "否", "", "", "", "", ""])
            #expect(r.issues.count == 1 && r.issues[0].severity == .warning && r.written, "a stand-in visit is a warning: \(r.issues)")
            r = try await logs(["13900000001", "2016-06-02", "请假", Samples.village.value, "", "否", "", "", "", "", ""])
            #expect(r.issues.count == 1 && r.issues[0].column == "批准人")
            #expect(try await Self.count(app, "work_log.import") == 1, "only the clean file wrote")
            // A change of helper ends the old pairing the day before, with the reason; the history stays.
            #expect(try await pairs(["H0001", "13900000001", "2017-01-01", "", "干部调动"]).isEmpty)
            let history = try await (app.db as! any SQLDatabase).raw("""
                SELECT p.end_date, p.reason FROM pairings p JOIN households h ON h.id = p.household_id WHERE h.household_no = 'H0001' ORDER BY p.start_date
                """).all()
            #expect(history.count == 2)
            #expect(try history[0].decode(column: "end_date", as: String?.self) == "2016-12-31")
            #expect(try history[0].decode(column: "reason", as: String.self) == "干部调动")
            #expect(try await Self.count(app, "pairing.end") == 1)

            #expect(throws: ResponsibilityFiles.Fault.self) {
                try ResponsibilityFiles.load(layersText: "[a]\n第一书记 | 村 | 必需", rulesText: "总书记 | 在村天数 | 20 | 月 | x", set: nil)
            }
            #expect(throws: ResponsibilityFiles.Fault.self) { try ResponsibilityFiles.load(layersText: "[a]\n第一书记 | 城 | 必需", rulesText: "", set: nil) }
        }
    }

    @Test func the_plan_answers_what_the_verdict_misses() async throws {
        try await WebHarness.withLoadedApp { app in
            try await Self.load(app)
            let household = try await (app.db as! any SQLDatabase).raw("SELECT id FROM households WHERE household_no = 'H0001'").first()!
                .decode(column: "id", as: Int64.self)
            let cadre = try await WebHarness.signIn(app, as: "cadre")
            let refused = try await WebHarness.post(app, "households/\(household)/plan", cadre,
                                                    ["kind": "产业", "content": "发展养牛", "planned_date": "2016-05-01", "expected_income": "三千"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("plan-expected_income-fault") && refused.body.contains("发展养牛"), "the fault is named, the text kept")
            let added = try await WebHarness.post(app, "households/\(household)/plan", cadre,
                                                  ["kind": "产业", "content": "发展养牛", "planned_date": "2016-05-01", "expected_income": "3,000"])
            #expect(added.location?.hasPrefix("/households/\(household)") == true, "\(added.status) \(added.body.prefix(200))")
            try await app.testing().test(.GET, "households/\(household)", headers: WebHarness.headers(cadre)) { res async in
                let body = res.body.string
                #expect(body.contains("帮扶行动计划") && body.contains("发展养牛") && body.contains("3000"))
            }
            let id = try await (app.db as! any SQLDatabase).raw("SELECT id FROM plan_measures").first()!.decode(column: "id", as: Int64.self)
            let done = try await WebHarness.post(app, "households/\(household)/plan/\(id)", cadre, ["status": "已完成"])
            #expect(done.location != nil)
            let status = try await (app.db as! any SQLDatabase).raw("SELECT status, done_date FROM plan_measures").first()!
            #expect(try status.decode(column: "status", as: String.self) == "已完成")
            #expect(try status.decode(column: "done_date", as: String?.self) != nil)
            #expect(try await Self.count(app, "plan.measure") == 2)
            // A leader reads the plan but does not change it.
            let leader = try await WebHarness.signIn(app, as: "leader")
            let forbidden = try await WebHarness.post(app, "households/\(household)/plan", leader,
                                                      ["kind": "教育", "content": "x", "planned_date": "2016-05-01", "expected_income": ""])
            #expect(forbidden.status == .forbidden)
            // The domain: what each missing item has.
            let measures = [PlanMeasure(household: 1, kind: .housing, content: "危房改造", plannedDate: LocalDate(year: 2016, month: 5, day: 1)!),
                            PlanMeasure(household: 1, kind: .industry, content: "养牛", plannedDate: LocalDate(year: 2016, month: 5, day: 1)!, status: .cancelled)]
            let against = PlanCoverage.byMissingItem([.housing, .income], measures: measures)
            #expect(against[0].measures.count == 1 && against[1].measures.isEmpty, "a cancelled measure answers nothing")
        }
    }

    @Test func the_county_changes_a_households_helper_on_its_page() async throws {
        try await WebHarness.withLoadedApp { app in
            try await Self.load(app)
            let household = try await (app.db as! any SQLDatabase).raw("SELECT id FROM households WHERE household_no = 'H0002'").first()!
                .decode(column: "id", as: Int64.self)
            let county = try await WebHarness.signIn(app, as: "county")
            let unknown = try await WebHarness.post(app, "households/\(household)/helper", county, ["phone": "13900000099", "start": "2017-01-01", "reason": "干部调动"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.contains("pair-phone-fault") && unknown.body.contains("干部调动"), "the fault at its field, the reason kept")
            let changed = try await WebHarness.post(app, "households/\(household)/helper", county, ["phone": "13900000001", "start": "2017-01-01", "reason": "干部调动"])
            #expect(changed.location == "/households/\(household)")
            try await app.testing().test(.GET, "households/\(household)", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains("韦书记") && res.body.string.contains("2016-12-31"), "the new helper, and the old one ended")
            }
            // The cadre no longer paired sees the household no more.
            let cadre = try await WebHarness.signIn(app, as: "cadre")
            try await app.testing().test(.GET, "households/\(household)", headers: WebHarness.headers(cadre)) { res async in
                #expect(res.status == .notFound)
            }
            // A village team may not pair.
            let village = try await WebHarness.signIn(app, as: "village")
            #expect(try await WebHarness.post(app, "households/\(household)/helper", village, ["phone": "13900000002", "start": "2018-01-01", "reason": ""]).status == .forbidden)
        }
    }
}

