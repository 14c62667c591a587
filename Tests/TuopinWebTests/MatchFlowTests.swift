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

/// Issue #17 on both databases: a department file with a fault loads nothing; a good one loads (someone from
/// elsewhere is a warning); the flags show with their explanations; a township verifies one as 属实 (a link to the
/// household) and the county another as 不属实 with a reason, which keeps it off the next match; both audited.
@Suite struct MatchFlowTests {
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dept-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func department_files_matched_and_verified() async throws {
        try await WebHarness.withLoadedApp { app in
            let sql = app.db as! any SQLDatabase
            let ctx = ServiceContext.commandLine(db: app.db)
            let rows = try await sql.raw("SELECT id_number, name FROM members ORDER BY id").all()
            let a = try rows[0].decode(column: "id_number", as: String.self), an = try rows[0].decode(column: "name", as: String.self)
            let b = try rows[1].decode(column: "id_number", as: String.self), bn = try rows[1].decode(column: "name", as: String.self)
            let outsider = ResidentID.make(region: "451224", birth: LocalDate(year: 1980, month: 1, day: 1)!, sequence: 951).number
            let county = AreaCode("451224")!
            let bad = try Self.file("证件号码,姓名,死亡日期\n\(a),\(an),2099-01-01\n")
            var outcome = try await MatchService.load(DepartmentFileReader.read(bad, kind: .deaths, today: ctx.today), kind: .deaths, file: bad, county: county,
                                                      dryRun: false, in: ctx)
            #expect(!outcome.written && outcome.issues.contains { $0.column == "死亡日期" })
            let deaths = try Self.file("证件号码,姓名,死亡日期\n\(a),\(an),2019-03-02\n")
            outcome = try await MatchService.load(DepartmentFileReader.read(deaths, kind: .deaths, today: ctx.today), kind: .deaths, file: deaths, county: county,
                                                  dryRun: false, in: ctx)
            #expect(outcome.written)
            let cars = try Self.file("证件号码,姓名,号牌号码,车辆类型,登记日期,估值\n\(b),\(bn),桂A12345,小型轿车,2018-05-01,68000\n\(b),\(bn),桂M1,拖拉机,2018-05-01,12000\n\(outsider),外县人员,桂A1,小型轿车,2018-05-01,90000\n")
            outcome = try await MatchService.load(DepartmentFileReader.read(cars, kind: .vehicles, today: ctx.today), kind: .vehicles, file: cars, county: county,
                                                  dryRun: false, in: ctx)
            #expect(outcome.written && outcome.issues.filter { $0.severity == .warning }.count == 1)

            let countyUser = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "match?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                let body = r.body.string
                #expect(body.contains("已死亡仍在户") && body.contains("2019-03-02死亡") && body.contains("小型轿车（桂A12345") && !body.contains("桂M1"))
                #expect(body.contains("id=\"patterns\""), "the paper-exit patterns' section")
                #expect(body.contains("<h3>按部门</h3>") && body.contains("<h3>按规则</h3>"), "counts by department and by rule")
            }
            try await app.testing().test(.GET, "areas/451224?year=2019", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.body.string.contains("2019年 2 个疑点待核实"), "the county page counts the open flags")
            }
            try await app.testing().test(.GET, "match.csv?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.body.string.contains("户编号,证件号码,姓名,部门,规则,说明"))
            }
            try await app.testing().test(.GET, "match/suspicions.csv?year=2016&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.status == .ok && r.body.string.contains("户编号,模式,分值,说明"))
            }
            let q = try await MatchService.match(year: 2019, area: county, in: ctx)
            let death = try #require(q.flags.first { $0.rule == .deceased }), car = try #require(q.flags.first { $0.rule == .vehicle })
            // A verification finds its flag from the member's household alone, as the county's match lists it.
            for f in q.flags {
                let alone = try await MatchService.departmentFlag(year: 2019, key: f.key, area: county, county: county, in: ctx)
                #expect(alone == f, "\(f.key)")
            }
            #expect(try await MatchService.departmentFlag(year: 2019, key: death.key, area: AreaCode("451224101")!, county: county, in: ctx) == nil,
                    "not in the township asked for")
            // 交办: the county hands the death to the township; to the household's helper there is none yet.
            var res = try await WebHarness.post(app, "match/assign", countyUser, ["year": "2019", "area": "451224", "key": death.key, "to": "helper"])
            #expect(res.status == .conflict && res.body.contains("没有帮扶责任人"))
            res = try await WebHarness.post(app, "match/assign", countyUser, ["year": "2019", "area": "451224", "key": death.key, "to": "township"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "match?year=2019&area=451224100", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "township"))) { r async in
                #expect(r.body.string.contains("已交办："), "the township sees what was handed to it")
                #expect(!r.body.string.contains("action=\"/match/assign\""), "a township does not hand flags out")
            }
            // Once the household has a 帮扶责任人, the county hands the flag to them; it is on their 我的帮扶 page.
            let helper = try await CadreStore.save(Cadre(name: "韦帮扶", phone: "13800001111", unit: "县教育局", unitLevel: .county, post: "帮扶责任人", rank: .staff,
                                                         username: "cadre"), on: app.db).cadre
            _ = try await CadreStore.add(Pairing(cadre: helper.id!, household: death.household, village: death.village, start: LocalDate(year: 2016, month: 1, day: 1)!), on: app.db)
            res = try await WebHarness.post(app, "match/assign", countyUser, ["year": "2019", "area": "451224", "key": death.key, "to": "helper"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "my", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "cadre"))) { r async in
                #expect(r.body.string.contains("交办给我的比对疑点（1）") && r.body.string.contains("已死亡仍在户"), "\(r.status)")
            }
            res = try await WebHarness.post(app, "match/decide", countyUser, ["year": "2019", "area": "451224", "key": car.key, "outcome": "不属实", "reason": ""])
            #expect(res.status == .unprocessableEntity && res.body.contains("aria-invalid"))
            res = try await WebHarness.post(app, "match/decide", countyUser, ["year": "2019", "area": "451224", "key": car.key, "outcome": "不属实",
                                                                             "reason": "车辆已于2019年转让，交管未过户"])
            #expect(res.location?.hasPrefix("/match") == true, "\(res.status) \(res.body.prefix(300))")
            let township = try await WebHarness.signIn(app, as: "township")
            res = try await WebHarness.post(app, "match/decide", township, ["year": "2019", "area": "451224100", "key": death.key, "outcome": "属实",
                                                                           "reason": "经核实已死亡，启动标注"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            let again = try await MatchService.match(year: 2019, area: county, in: ctx)
            #expect(!again.flags.contains { $0.key == car.key } && again.dismissed == 1, "不属实 does not come back")
            #expect(again.decisions[death.key]?.outcome == "属实")
            try await app.testing().test(.GET, "match?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.body.string.contains("到户页办理更正或剔除"))
            }
            // The suspect list as a workbook: the flags with their verification so far, readable again.
            try await app.testing().test(.GET, "match.xlsx?year=2019&area=451224", headers: WebHarness.headers(countyUser)) { r async in
                #expect(r.status == .ok && r.headers.contentType?.subType.contains("spreadsheetml") == true)
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("suspects-\(UUID().uuidString).xlsx")
                try? Data(buffer: r.body).write(to: url)
                defer { try? FileManager.default.removeItem(at: url) }
                var rows: [[String]] = []
                if var reader = try? XLSXRowReader(url: url) { while let row = try? reader.nextRow() { rows.append(row.cells) } }
                #expect(rows.first == MatchService.suspectHeader, "\(rows.first ?? [])")
                #expect(rows.contains { $0.contains("已死亡仍在户") && $0.contains("属实") && $0.contains("经核实已死亡，启动标注") }, "\(rows)")
            }
            let village = try await WebHarness.signIn(app, as: "village")
            res = try await WebHarness.post(app, "match/decide", village, ["year": "2019", "area": "451224100201", "key": death.key, "outcome": "属实", "reason": "村里核实"])
            #expect(res.status == .forbidden || res.status == .notFound || res.status == .badRequest, "a village does not verify")
            let actions = Set(try await sql.raw("SELECT action FROM audit_events").all().map { try $0.decode(column: "action", as: String.self) })
            #expect(actions.isSuperset(of: ["department.import", "match.decide", "match.assign"]))
        }
    }

    /// A paper-exit pattern goes to the same queue: the county records 不属实 with a reason and it stays off the next
    /// run; the household page lists its open flags (the pattern, then nothing once dismissed).
    @Test func a_paper_exit_pattern_is_verified_and_kept_off() async throws {
        try await WebHarness.withLoadedApp { app in
            let ctx = ServiceContext.commandLine(db: app.db)
            let line15 = try #require(ctx.standards.line(for: 2015)?.amount), line16 = try #require(ctx.standards.line(for: 2016)?.amount)
            var h = Samples.household("H0007", idBase: 7)
            h.exitYear = 2016
            h.incomes = [HouseholdIncome(year: 2015, wage: Money(fen: line15.fen * 3 * 8 / 10), business: .zero, property: .zero, transfer: .zero, businessExpense: .zero),
                         HouseholdIncome(year: 2016, wage: Money(fen: line16.fen * 3 * 103 / 100), business: .zero, property: .zero, transfer: .zero, businessExpense: .zero)]
            for year in [2015, 2016] {
                let rows = [RegistryRowFormatter.header] + RegistryRowFormatter.rows(h, incomeYear: year)
                let loaded = try await RegistryImporter.run(file: Samples.file(Samples.csv(rows)),
                                                            options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: app.db)
                #expect(loaded.written, "\(loaded.issues.prefix(3))")
            }
            let found = try await MatchService.suspicions(year: 2016, area: AreaCode("451224"), in: ctx)
            let pattern = try #require(found.found.first { $0.number == "H0007" && $0.pattern == .narrowBand }, "\(found.found.map(\.explanation))")
            let county = try await WebHarness.signIn(app, as: "county")
            let id = try await HouseholdStore.references(numbers: ["H0007"], county: AreaCode("451224"), on: app.db)["H0007"]!.id
            try await app.testing().test(.GET, "households/\(id.rawValue)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("id=\"household-flags\"") && r.body.string.contains("收入刚过线"), "the household page lists its open flag")
            }
            let res = try await WebHarness.post(app, "match/decide", county, ["year": "2016", "area": "451224", "key": pattern.key, "outcome": "不属实",
                                                                          "reason": "务工合同与工资流水齐全，收入属实"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            let again = try await MatchService.suspicions(year: 2016, area: AreaCode("451224"), in: ctx)
            #expect(!again.found.contains { $0.key == pattern.key })
            #expect(again.dismissed == 1)
            let flags = try await MatchService.flags(of: id, h, in: ctx)
            #expect(flags?.patterns.isEmpty == true, "\(flags?.patterns.map(\.key) ?? [])")
            try await app.testing().test(.GET, "households/\(id.rawValue)", headers: WebHarness.headers(county)) { r async in
                // (The history below keeps the decision, which names the pattern.)
                let section = r.body.string.components(separatedBy: "id=\"household-flags\"").last?.components(separatedBy: "<h2").first ?? ""
                #expect(!section.contains("收入刚过线") && section.contains("没有待核实"), "a dismissed pattern is not listed: \(section.prefix(200))")
            }
        }
    }

    /// Pattern (f), second half: the county changes H0001's 2016 income after its exit was announced (公告), then
    /// closes the exit (销号); the suspicions list the change with the day, the account and the field.
    @Test func an_income_changed_after_the_exit_announcement_is_flagged() async throws {
        try await WebHarness.withLoadedApp { app in
            let village = try await WebHarness.signIn(app, as: "village"), county = try await WebHarness.signIn(app, as: "county")
            #expect(try await WebHarness.post(app, "households/1/procedures", village, ["kind": "贫困户退出"]).0 == .seeOther)
            for (step, date, who) in [("民主评议", "2016-12-01", village), ("核实", "2016-12-02", village), ("户认可", "2016-12-02", village),
                                      ("公示", "2016-12-03", village), ("公告", "2016-12-12", county)] {
                let (s, body, _) = try await WebHarness.post(app, "procedures/1/steps", who, ["step": step, "date": date])
                #expect(s == .seeOther, "\(step): \(body.prefix(300))")
            }
            var form = EditingTests.base
            let version = try await (app.db as! any SQLDatabase).raw("SELECT version FROM households WHERE id = 1").first()!.decode(column: "version", as: Int.self)
            form["version"] = String(version)
            form["reason"] = "补录务工收入"
            form["income_rows"] = "1"
            for (c, v) in [(ExchangeColumn.incomeYear, "2016"), (.wageIncome, "10000"), (.businessIncome, "0"), (.propertyIncome, "0"),
                           (.transferIncome, "0"), (.businessExpense, "0")] { form["i0_\(c.key)"] = v }
            let edited = try await WebHarness.post(app, "households/1/edit", county, form)
            #expect(edited.2 == "/households/1", "\(edited.0) \(edited.1.prefix(300))")
            let (closed, why, _) = try await WebHarness.post(app, "procedures/1/steps", county, ["step": "销号", "date": "2016-12-13"])
            #expect(closed == .seeOther, "\(why.components(separatedBy: "<main").last?.prefix(700) ?? "")")
            let found = try await MatchService.suspicions(year: 2016, area: AreaCode("451224"), in: ServiceContext.commandLine(db: app.db))
            let flag = try #require(found.found.first { $0.pattern == .amended }, "\(found.found.map(\.explanation))")
            #expect(flag.number == "H0001" && flag.explanation.contains("此户脱贫已于2016-12-12公告") && flag.explanation.contains("账号county仍修改了2016年收入"),
                    "\(flag.explanation)")
            try await app.testing().test(.GET, "match?year=2016&area=451224", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("脱贫公告后改数"))
            }
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { r async in
                let section = r.body.string.components(separatedBy: "id=\"household-flags\"").last?.components(separatedBy: "<h2").first ?? ""
                #expect(section.contains("脱贫公告后改数"), "the household page lists it: \(section.prefix(300))")
            }
        }
    }
}
