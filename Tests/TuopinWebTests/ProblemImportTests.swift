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

/// `tuopin import-problems` on both databases: a list with an unknown area, unit, person, category or household
/// writes nothing and names each row and column; the good list is listed and audited; the board's own CSV
/// export loads again.
@Suite struct ProblemImportTests {
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("problems-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func load(_ text: String, on app: Application) async throws -> FileLoadOutcome {
        let ctx = ServiceContext.commandLine(db: app.db)
        let url = try file(text)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await SupervisionService.importProblems(ProblemFileReader.read(url, checkItems: ctx.supervision.checkItems, today: ctx.today),
                                                           county: AreaCode("451224"), dryRun: false, in: ctx)
    }

    static func count(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM problems").first()!.decode(column: "n", as: Int.self)
    }

    @Test func a_faulty_list_writes_nothing_and_a_good_one_and_its_export_load() async throws {
        try await WebHarness.withLoadedApp { app in
            _ = try await CadreStore.save(Cadre(name: "韦帮扶", phone: "13800001111", unit: "县教育局", unitLevel: .county, post: "帮扶责任人", rank: .staff), on: app.db)
            let today = LocalDate(Date()).adding(days: -3).description
            let header = "来源,区划代码,责任单位,责任人,类别,问题描述,严重程度,发现日期,整改期限,涉及户编号\n"
            let first = "上级督查,\(Samples.village.value),县教育局,韦帮扶,查帮扶措施,帮扶手册与实际不符,较重,\(today),,H0001\n"
            // The file is read whole first: a check item not in the rules is named at its row and column.
            var refused = try await Self.load(header + first + "上级督查,\(Samples.village.value),,,查天气,类别不对的问题,一般,\(today),,\n", on: app)
            #expect(!refused.written && refused.issues.map { "\($0.row ?? 0):\($0.column)" } == ["3:类别"])
            // Then against the registry and the chain: an unknown area, unit, person, household.
            let bad = header + first
                + "上级督查,451224999999,县教育局,,查帮扶措施,区划不存在的问题,一般,\(today),,\n"
                + "上级督查,\(Samples.village.value),县外星局,,查帮扶措施,单位不存在的问题,一般,\(today),,\n"
                + "上级督查,\(Samples.village.value),,李不存在,查帮扶措施,责任人不存在的问题,一般,\(today),,\n"
                + "上级督查,\(Samples.village.value),,,查帮扶措施,户不在该村的问题,一般,\(today),,H0003\n"
            refused = try await Self.load(bad, on: app)
            #expect(!refused.written)
            #expect(try await Self.count(app) == 0, "a refused list writes nothing")
            let faults = refused.issues.filter { $0.severity == .error }.map { "\($0.row ?? 0):\($0.column)" }
            #expect(faults == ["3:区划代码", "4:责任单位", "5:责任人", "6:涉及户编号"], "\(faults)")
            let good = header + "上级督查,\(Samples.village.value),县教育局,13800001111,查帮扶措施,帮扶手册与实际不符,较重,\(today),,H0001\n"
                + "审计,451224100,,,查资金使用,产业资金报账率不到30%,严重,\(today),,\n"
            let outcome = try await Self.load(good, on: app)
            #expect(outcome.written && outcome.changed == 2, "\(outcome.issues)")
            let rows = try await (app.db as! any SQLDatabase).raw("SELECT state, unit, owner_cadre_id FROM problems ORDER BY id").all()
            #expect(try rows.map { try $0.decode(column: "state", as: String.self) } == ["整改中", "待认领"])
            let owner = try #require(try rows[0].decode(column: "owner_cadre_id", as: Int64?.self))
            let admin = try await WebHarness.signIn(app, as: "admin")
            try await app.testing().test(.GET, "cadres/\(owner)", headers: WebHarness.headers(admin)) { r async in
                let page = r.body.string
                #expect(page.contains("id=\"cadre-problems\"") && page.contains("帮扶手册与实际不符"), "the cadre's page lists what they answer for")
                #expect(page.contains("县教育局的问题清单"))
            }
            let audited = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'problem.add'").first()!
                .decode(column: "n", as: Int.self)
            #expect(audited == 2)
            // What the board exports loads again (编号, 状态 and 销号日期 are read past).
            let exported = try await SupervisionService.table(ProblemStore.Filter(), in: ServiceContext.commandLine(db: app.db))
            let csv = CSVFormat.table(exported, byteOrderMark: true)
            let again = try await Self.load(csv, on: app)
            #expect(again.written && again.changed == 2, "\(again.issues)")
            #expect(try await Self.count(app) == 4)
        }
    }
}
