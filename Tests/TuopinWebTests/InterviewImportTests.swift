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

/// `tuopin import-interviews` on both databases (issue #18 item 4): a paper file with a sample number outside the
/// sample, a verdict not for its stratum, an answer not 认可/不认可 or a date in the future writes nothing and names
/// row and column; a good one records each interview (the overall 认可度 filling the questions not answered one by
/// one) with its audit record.
@Suite struct InterviewImportTests {
    static func load(_ text: String, evaluation: Evaluation.ID, on app: Application) async throws -> FileLoadOutcome {
        let ctx = ServiceContext.commandLine(db: app.db)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interviews-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await EvaluationService.importInterviews(InterviewFileReader.read(url, today: ctx.today, questionnaire: ctx.questionnaire), evaluation: evaluation,
                                                            dryRun: false, in: ctx)
    }

    @Test func paper_interviews_load_whole_or_not_at_all() async throws {
        try await WebHarness.withLoadedApp { app in
            let ctx = ServiceContext.commandLine(db: app.db)
            let form = EvaluationService.Form(kind: "县级预评估", county: "451224", year: "2019", title: "纸质调查", team: "evaluator", seed: "3",
                                              villages: "2", perVillage: "1,1,0")
            guard case .done(let e) = try await EvaluationService.create(form, in: ctx) else { Issue.record("not created"); return }
            let sample = try await EvaluationStore.sample(e.id!, on: app.db).map(\.pick)
            let exited = try #require(sample.first { $0.stratum == .exited }), poor = try #require(sample.first { $0.stratum == .poor })
            let today = LocalDate(Date())
            let header = "样本编号,访问日期,访问员,核实结论,认可度,脱贫退出,说明\n"
            // The cells first (a date in the future, an answer not in the list), then against the sample.
            let badCells = "样本编号,访问日期,访问员,核实结论,认可度,脱贫退出,说明,常住人口（人）\n" + "\(poor.number),\(today.adding(days: 3)),李调查,正确未脱贫,很好,,,四个\n"
            var outcome = try await Self.load(badCells, evaluation: e.id!, on: app)
            var faults = outcome.issues.filter { $0.severity == .error }.map { "\($0.row ?? 0):\($0.column)" }
            #expect(!outcome.written && faults.sorted() == ["2:认可度", "2:访问日期", "2:常住人口（人）"].sorted(), "faults: \(faults.joined(separator: " "))")
            let bad = header
                + "\(exited.number),\(today.adding(days: -2)),李调查,错退,认可,不认可,收入不足\n"
                + "99,\(today.adding(days: -2)),李调查,正确脱贫,认可,,\n"
                + "\(poor.number),\(today.adding(days: -2)),李调查,错退,认可,,\n"
            outcome = try await Self.load(bad, evaluation: e.id!, on: app)
            faults = outcome.issues.filter { $0.severity == .error }.map { "\($0.row ?? 0):\($0.column)" }
            #expect(!outcome.written && faults == ["3:样本编号", "4:核实结论"], "faults: \(faults.joined(separator: " "))")
            var stored = try await EvaluationStore.interviews(e.id!, on: app.db)
            #expect(stored.isEmpty, "a refused file writes nothing")
            let good = "样本编号,访问日期,访问员,核实结论,认可度,脱贫退出,说明,常住人口（人）\n"
                + "\(exited.number),\(today.adding(days: -2)),李调查,错退,认可,不认可,收入不足,4\n"
                + "\(poor.number),\(today.adding(days: -1)),王调查,正确未脱贫,,,,\n"
            outcome = try await Self.load(good, evaluation: e.id!, on: app)
            #expect(outcome.written && outcome.changed == 2, "\(outcome.issues)")
            stored = try await EvaluationStore.interviews(e.id!, on: app.db)
            let first = try #require(stored.first { $0.sample == exited.number })
            #expect(first.verdict == .wrongExit && first.interviewer == "李调查" && first.approvals["脱贫退出"] == false && first.approvals["干部帮扶"] == true)
            #expect(first.answers == ["resident_count": "4"], "the questionnaire's column is kept by its key")
            #expect(stored.first { $0.sample == poor.number }?.approvals.isEmpty == true, "no answers given: not asked")
            let audits = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'evaluation.interview'").first()!
                .decode(column: "n", as: Int.self)
            #expect(audits == 2)
        }
    }
}
