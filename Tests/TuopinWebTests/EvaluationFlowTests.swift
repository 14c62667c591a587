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

/// Issue #18 on both databases: the county sets up a pre-evaluation (a bad form refused at its fields); the
/// evaluator sees exactly the sampled household, masked, and nothing else; an interview with a verdict outside
/// the stratum is refused; the rates appear with their interval; a third party's answers stay hidden from the
/// county until its feedback; closing ends the evaluator's access; every step is audited.
@Suite struct EvaluationFlowTests {
    static func id(_ location: String?) -> Int64? {
        location.flatMap { $0.hasPrefix("/evaluations/") ? Int64($0.dropFirst("/evaluations/".count).prefix { $0.isNumber }) : nil }
    }

    @Test func a_pre_evaluation_from_the_draw_to_its_close() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let evaluator = try await WebHarness.signIn(app, as: "evaluator")
            var form = ["kind": "县级预评估", "county": "451224", "year": "2019", "title": "2019年预评估", "team": "nobody", "seed": "5",
                        "villages": "2", "per_village": "x"]
            var res = try await WebHarness.post(app, "evaluations", county, form)
            #expect(res.status == .unprocessableEntity && res.body.contains("evaluation-team-fault") && res.body.contains("evaluation-per_village-fault"))
            #expect(res.body.contains("2019年预评估"), "what was typed stays")
            res = try await WebHarness.post(app, "evaluations", evaluator, form)
            #expect(res.status == .forbidden, "an evaluator does not organise")
            form["team"] = "evaluator"
            form["per_village"] = "1,0,0"
            form["appeal_days"] = "45"
            res = try await WebHarness.post(app, "evaluations", county, form)
            #expect(res.status == .unprocessableEntity && res.body.contains("evaluation-appeal_days-fault"), "a window of 45 days is refused")
            form["appeal_days"] = ""
            res = try await WebHarness.post(app, "evaluations", county, form)
            let evaluation = try #require(Self.id(res.location), "\(res.status) \(res.body.prefix(300))")
            // Only the exited household H0002 (id 2) is in the sample; the evaluator sees it masked, and nothing else.
            try await app.testing().test(.GET, "households/2", headers: WebHarness.headers(evaluator)) { r async in
                #expect(r.status == .ok, "\(r.status)")
                #expect(!r.body.string.contains(Samples.household("H0002", idBase: 2).members[0].id.number), "ID numbers are masked")
            }
            for route in ["households/1", "households/3", "areas/451224100201"] {
                try await app.testing().test(.GET, route, headers: WebHarness.headers(evaluator)) { r async in #expect(r.status == .notFound, "\(route)") }
            }
            try await app.testing().test(.GET, "evaluations/\(evaluation)", headers: WebHarness.headers(evaluator)) { r async in
                #expect(r.status == .ok && r.body.string.contains("/evaluations/\(evaluation)/interviews/1"))
            }
            // A verdict outside the stratum is refused at its field; then the exit is found wrong.
            var answer = ["verdict": "正确未脱贫", "date": "", "note": "", "approval0": "认可", "approval1": "认可", "approval2": "不认可", "approval3": ""]
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/interviews/1", evaluator, answer)
            #expect(res.status == .unprocessableEntity && res.body.contains("interview-verdict-fault"))
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/interviews/9", evaluator, answer)
            #expect(res.status == .notFound, "a household outside the sample")
            answer["verdict"] = "错退"
            // The questionnaire's answers are checked by their kind: a count that is not a number is refused at its field.
            answer["q_resident_count"] = "四个"
            answer["q_public_employee"] = "是"
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/interviews/1", evaluator, answer)
            #expect(res.status == .unprocessableEntity && res.body.contains("interview-q_resident_count-fault") && res.body.contains("四个"))
            answer["q_resident_count"] = "4"
            // The form was opened 25 minutes ago in the household: the interview keeps its start and end.
            answer["started"] = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-25 * 60))
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/interviews/1", evaluator, answer)
            #expect(res.location?.hasPrefix("/evaluations/\(evaluation)") == true, "\(res.status) \(res.body.prefix(300))")
            let timed = try await EvaluationStore.interviews(Evaluation.ID(evaluation), on: app.db).first
            #expect(timed?.minutes == 25 || timed?.minutes == 24, "\(String(describing: timed?.started)) \(String(describing: timed?.ended))")
            #expect(timed?.answers == ["resident_count": "4", "public_employee": "是"], "\(timed?.answers ?? [:])")
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/interviews/1", county, answer)
            #expect(res.status == .forbidden, "only the team interviews")
            // The county runs its own pre-evaluation and sees its rates at once.
            try await app.testing().test(.GET, "evaluations/\(evaluation)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("错退率 100%") && r.body.string.contains("群众认可度 0%"), "\(r.body.string.prefix(3000))")
            }
            try await app.testing().test(.GET, "areas/451224", headers: WebHarness.headers(county)) { r async in
                let page = r.body.string
                #expect(page.contains("脱贫人口错退率</td><td class=\"num\">100%") && page.contains("href=\"/evaluations/\(evaluation)\""),
                        "the county's exit indicators show the evaluation")
            }
            try await app.testing().test(.GET, "api/v1/evaluations/\(evaluation)/rates", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .ok && r.body.string.contains("\"name\":\"错退率\"") && r.body.string.contains("\"met\":false"))
            }
            // A third party's answers are hidden from the county until its feedback.
            form["kind"] = "国家第三方评估"
            form["title"] = "国家评估"
            form["appeal_days"] = "10"
            res = try await WebHarness.post(app, "evaluations", county, form)
            let national = try #require(Self.id(res.location))
            res = try await WebHarness.post(app, "evaluations/\(national)/interviews/1", evaluator, answer)
            #expect(res.location != nil)
            try await app.testing().test(.GET, "evaluations/\(national)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("不向县乡村干部公开") && !r.body.string.contains("错退率 100%"))
            }
            try await app.testing().test(.GET, "api/v1/evaluations/\(national)/rates", headers: WebHarness.headers(county)) { r async in #expect(r.status == .forbidden) }
            res = try await WebHarness.post(app, "evaluations/\(national)/advance", evaluator, [:])
            #expect(res.location != nil)
            try await app.testing().test(.GET, "evaluations/\(national)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("错退率 100%"), "published")
            }
            res = try await WebHarness.post(app, "evaluations/\(national)/interviews/1", evaluator, answer)
            #expect(res.status == .conflict, "no interviews after the feedback")
            // Its own window is 10 days: 8 days after the feedback the county may still appeal.
            try await (app.db as! any SQLDatabase).raw("UPDATE evaluations SET feedback_on = \(bind: LocalDate(Date()).adding(days: -8).description) WHERE id = \(bind: national)").run()
            // 申诉举证: a reason too short is refused; the appeal is filed once; the team withdraws the finding, so the rate falls.
            res = try await WebHarness.post(app, "evaluations/\(national)/appeals/1", county, ["reason": "不对"])
            #expect(res.status == .unprocessableEntity && res.body.contains("至少10字") && res.body.contains("value=\"不对\" aria-invalid"), "the typed reason stays")
            // Evidence with the appeal: a disguised file refuses it with the reason kept; a photo is filed with it.
            let reason = "该户2018年起务工收入稳定，附工资流水和用工合同"
            var up = try await AttachmentFlowTests.upload(app, "evaluations/\(national)/appeals/1", county, ["reason": reason],
                                                         files: [("工资流水.jpg", "image/jpeg", Data("MZ not a photo".utf8))])
            #expect(up.status == .unprocessableEntity && up.body.contains("value=\"\(reason)\"") && up.body.contains("s-files-fault"), "\(up.status)")
            up = try await AttachmentFlowTests.upload(app, "evaluations/\(national)/appeals/1", county, ["reason": reason],
                                                     files: [("工资流水.jpg", "image/jpeg", MultipartBody.jpeg(2048))])
            #expect(up.location != nil, "\(up.status) \(up.body.prefix(300))")
            let evidence = try await AttachmentStore.list(.appeal(Evaluation.ID(national), sample: 1), on: app.db)
            #expect(evidence.map(\.name) == ["工资流水.jpg"])
            try await app.testing().test(.GET, "attachments/\(evidence[0].id!.rawValue)", headers: WebHarness.headers(evaluator)) { r async in
                #expect(r.status == .ok, "the team sees the evidence")
            }
            res = try await WebHarness.post(app, "evaluations/\(national)/appeals/1", county, ["reason": "再次申诉再次申诉再次申诉"])
            #expect(res.status == .conflict)
            res = try await WebHarness.post(app, "evaluations/\(national)/appeals/1/decide", county, ["decision": "撤销", "note": ""])
            #expect(res.status == .forbidden, "the county does not decide its own appeal")
            res = try await WebHarness.post(app, "evaluations/\(national)/appeals/1/decide", evaluator, ["decision": "改判", "note": "证据属实"])
            #expect(res.status == .unprocessableEntity && res.body.contains("value=\"证据属实\" aria-invalid"), "a refused decision keeps its note")
            res = try await WebHarness.post(app, "evaluations/\(national)/appeals/1/decide", evaluator, ["decision": "撤销", "note": "证据属实"])
            #expect(res.location != nil)
            try await app.testing().test(.GET, "evaluations/\(national)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("错退率 0%") && r.body.string.contains("撤销，证据属实"))
            }
            res = try await WebHarness.post(app, "evaluations/\(national)/advance", evaluator, [:])
            #expect(res.location != nil)
            // The pre-evaluation: an appeal after the window is refused; at its close the finding standing becomes a problem.
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/advance", county, [:])
            // Its window is the default 7 days; 8 days after the feedback is too late (a 10-day window would still take it).
            try await (app.db as! any SQLDatabase).raw("UPDATE evaluations SET feedback_on = \(bind: LocalDate(Date()).adding(days: -8).description) WHERE id = \(bind: evaluation)").run()
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/appeals/1", county, ["reason": "该户2018年起务工收入稳定，附工资流水和用工合同"])
            #expect(res.status == .conflict && res.body.contains("已超过申诉期限"))
            // H0002's 帮扶责任人 answers for the finding.
            let helper = try await CadreStore.save(Cadre(name: "韦帮扶", phone: "13800001111", unit: "县教育局", unitLevel: .county, post: "帮扶责任人", rank: .staff), on: app.db).cadre
            _ = try await CadreStore.add(Pairing(cadre: helper.id!, household: Household.ID(2), village: Samples.village, start: LocalDate(year: 2016, month: 1, day: 1)!), on: app.db)
            res = try await WebHarness.post(app, "evaluations/\(evaluation)/advance", county, [:])
            #expect(res.location != nil)
            let owner = try await (app.db as! any SQLDatabase).raw("SELECT owner_cadre_id, unit FROM problems WHERE source = '第三方评估'").first()
            #expect(try owner?.decode(column: "owner_cadre_id", as: Int64?.self) == helper.id!.rawValue && (try owner?.decode(column: "unit", as: String.self)) == "县教育局")
            let problems = try await (app.db as! any SQLDatabase).raw("SELECT p.source, p.area_code, h.household_id FROM problems p JOIN problem_households h ON h.problem_id = p.id").all()
            #expect(problems.count == 1, "only the pre-evaluation's finding stands; the national one was withdrawn")
            #expect(try problems.first?.decode(column: "source", as: String.self) == "第三方评估")
            #expect(try problems.first?.decode(column: "household_id", as: Int64.self) == 2)
            // Closing ended the evaluator's access.
            try await app.testing().test(.GET, "households/2", headers: WebHarness.headers(evaluator)) { r async in #expect(r.status == .notFound) }
            try await app.testing().test(.GET, "evaluations/\(evaluation)", headers: WebHarness.headers(evaluator)) { r async in #expect(r.status == .notFound) }
            let actions = try await (app.db as! any SQLDatabase).raw("SELECT action FROM audit_events WHERE entity = 'evaluation' ORDER BY seq").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.filter { $0 == "evaluation.add" }.count == 2 && actions.filter { $0 == "evaluation.interview" }.count == 3
                    && actions.filter { $0 == "evaluation.state" }.count == 4 && actions.contains("evaluation.appeal")
                    && actions.contains("evaluation.appeal.decide"), "\(actions)")
            // The same seed draws the same sample.
            let ctx = ServiceContext.commandLine(db: app.db)
            let design = EvaluationDesign(villages: 2, perVillage: [.exited: 1, .poor: 1, .nonRegistered: 0])
            let a = try await EvaluationService.draw(county: AreaCode("451224")!, year: 2019, seed: 9, design: design, in: ctx)
            #expect(a == (try await EvaluationService.draw(county: AreaCode("451224")!, year: 2019, seed: 9, design: design, in: ctx)))
            #expect(EvaluationService.sampleRows(a, heads: [:])[0] == ["样本编号", "村代码", "村类型", "层", "户编号", "户号", "户主姓名", "入样概率"])
        }
    }
}
