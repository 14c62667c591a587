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

/// `tuopin import-roster` on both databases (issue #18 item 1): a roster with a bad or repeated ID, a birth date
/// not the ID's or a village outside the county writes nothing and names row and column; a good one links the
/// registered members, keeps the rest as 卡外户, gives a village without a profile its 户籍人口, feeds an
/// evaluation's 卡外户 stratum, and so 漏评率 (official base) and 综合贫困发生率 have figures.
@Suite struct RosterFlowTests {
    static let header = RosterPerson.header.joined(separator: ",") + "\n"

    static func load(_ text: String, on app: Application) async throws -> FileLoadOutcome {
        let ctx = ServiceContext.commandLine(db: app.db)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await RosterService.load(RosterFileReader.read(url, county: AreaCode("451224"), today: ctx.today), file: url, county: AreaCode("451224"),
                                            dryRun: false, in: ctx)
    }

    static func line(_ number: String, _ id: ResidentID, _ name: String, _ relation: String, village: AreaCode = Samples.village) -> String {
        "\(number),\(id.number),\(name),\(relation),\(id.sex.rawValue),\(id.birthDate),\(village.value)\n"
    }

    /// The registered households H0001 and H0002 and three households off the register: two in the first village, one in the other.
    static var good: String {
        var text = header
        for (number, base) in [("1001", 1), ("1002", 2)] {
            for (i, m) in Samples.household(idBase: base).members.enumerated() { text += line(number, m.id, m.name, i == 0 ? "户主" : "配偶") }
        }
        text += line("2001", Samples.id(1960, 1, 5, male: true, n: 301), "蓝老大", "户主") + line("2001", Samples.id(1962, 2, 5, male: false, n: 301), "覃氏", "配偶")
        text += line("2002", Samples.id(1970, 3, 5, male: true, n: 302), "莫二", "户主") + line("2002", Samples.id(1972, 4, 5, male: false, n: 302), "韦氏", "配偶")
            + line("2002", Samples.id(2010, 5, 5, male: true, n: 302), "莫小二", "之子")
        text += line("2003", Samples.id(1950, 6, 5, male: true, n: 303), "黄三", "户主", village: Samples.otherVillage)
        return text
    }

    static func count(_ app: Application) async throws -> Int { try await RosterStore.count(county: AreaCode("451224")!, on: app.db) }

    @Test func a_roster_feeds_the_missed_stratum_and_its_rates() async throws {
        try await WebHarness.withLoadedApp { app in
            let first = Samples.household().members[0].id
            let bad = Self.header + Self.line("1001", first, "韦国强", "户主")
                + Self.line("1009", first, "重复", "户主")
                + "1010,45122419750308001X,错号,户主,男,1975-03-08,\(Samples.village.value)\n"
                + Self.line("1011", Samples.id(1980, 1, 1, male: true, n: 311), "外县", "户主", village: AreaCode("452728100201")!)
                + "1012,\(Samples.id(1981, 1, 1, male: true, n: 312).number),生日不符,户主,男,1981-01-02,\(Samples.village.value)\n"
                + Self.line("1013", Samples.id(1982, 1, 1, male: true, n: 313), "关系不明", "邻居")
            var outcome = try await Self.load(bad, on: app)
            var stored = try await Self.count(app)
            #expect(!outcome.written && stored == 0, "a refused roster writes nothing")
            let faults = outcome.issues.filter { $0.severity == .error }.map { "\($0.row ?? 0):\($0.column)" }
            #expect(faults == ["3:证件号码", "4:证件号码", "5:村代码", "6:出生日期", "7:与户主关系"], "\(faults)")
            outcome = try await Self.load(Self.good, on: app)
            #expect(outcome.written && outcome.rows == 12 && outcome.changed == 6, "\(outcome.issues)")
            #expect(outcome.issues.contains { $0.severity == .warning && $0.message.contains("3 名建档立卡人员不在户籍名单中") }, "H0003's members are missing")
            let county = AreaCode("451224")!
            let outside = try await RosterStore.outside(county: county, on: app.db)
            #expect(outside[Samples.village]?.map(\.key).sorted() == ["2001", "2002"] && outside[Samples.otherVillage]?.map(\.persons) == [1])
            let population = try #require(try await RosterStore.population(county: county, year: 2019, on: app.db))
            #expect(population.rural == 12 && population.outside == 6 && population.exited == 3 && population.remainingPoor == 6)
            // 户籍人口 of a village without a profile comes from the roster.
            let villages = try await VillageStore.villages(under: county, year: 2019, standards: StandardsCatalog.shipped, on: app.db)
            #expect(villages.first { $0.code == Samples.village }?.indicator.population == 11)
            // A roster loaded again replaces the old one, and each load is audited.
            outcome = try await Self.load(Self.good, on: app)
            stored = try await Self.count(app)
            #expect(outcome.written && stored == 12)
            let audits = try await (app.db as! any SQLDatabase).raw("SELECT action, before_json FROM audit_events WHERE action = 'roster.import' ORDER BY seq").all()
            #expect(audits.count == 2)

            // An evaluation samples the 卡外户; a 漏评 found gives 漏评率 over the sampled villages' non-registered persons.
            let county_ = try await WebHarness.signIn(app, as: "county")
            let evaluator = try await WebHarness.signIn(app, as: "evaluator")
            let form = ["kind": "县级预评估", "county": "451224", "year": "2019", "title": "含卡外户的预评估", "team": "evaluator", "seed": "7",
                        "villages": "2", "per_village": "1,1,2"]
            let res = try await WebHarness.post(app, "evaluations", county_, form)
            let evaluation = try #require(EvaluationFlowTests.id(res.location), "\(res.status) \(res.body.prefix(300))")
            let sample = try await EvaluationStore.sample(Evaluation.ID(evaluation), on: app.db)
            let outsidePicks = sample.filter { $0.pick.stratum == .nonRegistered }
            #expect(outsidePicks.count == 3 && outsidePicks.allSatisfy { $0.household == nil }, "two from one village, one from the other; no registry link")
            let missed = try #require(outsidePicks.first { $0.pick.key == "2002" })
            var answer = ["verdict": "漏评", "date": "", "note": "务工收入不足，人均低于标准", "approval0": "认可", "approval1": "认可", "approval2": "认可", "approval3": "认可"]
            var posted = try await WebHarness.post(app, "evaluations/\(evaluation)/interviews/\(missed.pick.number)", evaluator, answer)
            #expect(posted.location != nil, "\(posted.status) \(posted.body.prefix(300))")
            answer["verdict"] = "非贫困"
            for other in outsidePicks where other.pick.key != "2002" {
                posted = try await WebHarness.post(app, "evaluations/\(evaluation)/interviews/\(other.pick.number)", evaluator, answer)
                #expect(posted.location != nil)
            }
            let rates = try await EvaluationService.rates(Evaluation.ID(evaluation), in: ServiceContext.commandLine(db: app.db))
            #expect(rates.missed.estimate.events == 3 && rates.missed.estimate.base == 6, "3 missed persons over the 6 non-registered persons of the sampled villages")
            #expect(rates.missed.estimate.plain == 0.5)
            let incidence = try #require(rates.incidence)
            #expect(incidence.name == "综合贫困发生率" && incidence.estimate.base == 12)
            try await app.testing().test(.GET, "evaluations/\(evaluation)/sample.csv", headers: WebHarness.headers(county_)) { r async in
                #expect(r.body.string.contains(",2002,莫二,"), "a roster household is listed by its 户号 and head")
            }
        }
    }
}
