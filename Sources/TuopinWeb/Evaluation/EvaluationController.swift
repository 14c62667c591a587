import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import Vapor

/// 第三方评估 / 预评估: the list and the form that sets one up, its page (sample, progress, rates), the sample as
/// CSV, the interview form on a phone, moving it on (feedback, close), and its rates as JSON.
enum EvaluationController {
    static func register(_ routes: any RoutesBuilder, uploadLimit: Int) {
        routes.get("evaluations", use: list)
        routes.post("evaluations", use: create)
        routes.get("evaluations", ":evaluation", use: show)
        routes.get("evaluations", ":evaluation", "sample.csv", use: sampleCSV)
        routes.post("evaluations", ":evaluation", "advance", use: advance)
        routes.get("evaluations", ":evaluation", "interviews", ":number", use: interviewPage)
        routes.post("evaluations", ":evaluation", "interviews", ":number", use: interview)
        routes.get("api", "v1", "evaluations", ":id", "rates", use: ratesJSON)
        UploadRoute.post(routes, "evaluations", ":evaluation", "appeals", ":number", limit: uploadLimit, use: appeal)
        routes.post("evaluations", ":evaluation", "appeals", ":number", "decide", use: decide)
    }

    static let keys = ["kind", "county", "year", "title", "team", "seed", "villages", "per_village", "appeal_days"]

    static func evaluationID(_ req: Request, _ name: String = "evaluation") throws -> Evaluation.ID {
        try req.pathID(name, or: Refused.notFound("没有这个评估", "no such evaluation"))
    }

    static func listPage(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let all = try await EvaluationService.list(in: ctx)
        var v = values
        if v.isEmpty { v = ["county": ctx.user.area?.ancestor(at: .county)?.countyPart ?? "", "year": String(ctx.today.year - 1), "kind": "县级预评估"] }
        return .html(EvaluationListView.render(all, mayCreate: ctx.user.can(.manageEvaluations), values: v, faults: faults,
                                               csrf: req.viewer?.csrfToken ?? "", chrome: req.chrome), status: status)
    }

    @Sendable static func list(req: Request) async throws -> Response { try await listPage(req) }

    @Sendable static func create(req: Request) async throws -> Response {
        let v = keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let form = EvaluationService.Form(kind: v["kind"]!, county: v["county"]!, year: v["year"]!, title: v["title"]!, team: v["team"]!, seed: v["seed"]!,
                                          villages: v["villages"]!, perVillage: v["per_village"]!, appealDays: v["appeal_days"]!)
        switch try await EvaluationService.create(form, in: try req.context) {
        case .done(let e): return req.redirect(to: "/evaluations/\(e.id!.rawValue)")
        case .rejected(let r): return try await listPage(req, values: v, faults: r.faults, status: .unprocessableEntity)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try req.context
        let d = try await EvaluationService.detail(try evaluationID(req), in: ctx)
        return .html(EvaluationView.render(d, csrf: req.viewer?.csrfToken ?? "", uploads: try req.context.attachments, chrome: req.chrome))
    }

    @Sendable static func appeal(req: Request) async throws -> Response {
        let id = try evaluationID(req), n = try number(req)
        let reason = req.formText("reason")
        switch try await EvaluationService.appeal(id, sample: n, reason: reason, files: req.uploads(), in: try req.context) {
        case .done: return req.redirect(to: "/evaluations/\(id.rawValue)#s\(n)")
        case .rejected(let r):
            return try await refused(req, id, draft: .init(number: n, text: reason, fault: r.faults.values.sorted().joined(separator: "；"), field: r.faults.keys.sorted().first))
        }
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let id = try evaluationID(req), n = try number(req)
        let note = req.formText("note")
        do {
            try await EvaluationService.decide(id, sample: n, decision: req.formText("decision"), note: note, in: try req.context)
        } catch let r as Refused where r.field == "decision" {
            return try await refused(req, id, draft: .init(number: n, text: note, fault: r.chinese))
        }
        return req.redirect(to: "/evaluations/\(id.rawValue)#s\(n)")
    }

    /// The evaluation page again with the refused form's text kept at its row.
    static func refused(_ req: Request, _ id: Evaluation.ID, draft: EvaluationView.Draft) async throws -> Response {
        let d = try await EvaluationService.detail(id, in: try req.context)
        return .html(EvaluationView.render(d, csrf: req.viewer?.csrfToken ?? "", draft: draft, uploads: try req.context.attachments, chrome: req.chrome), status: .unprocessableEntity)
    }

    @Sendable static func sampleCSV(req: Request) async throws -> Response {
        let d = try await EvaluationService.detail(try evaluationID(req), in: try req.context)
        let heads = try await EvaluationService.heads(d.sample.map(\.pick), county: d.evaluation.county, in: try req.context)
        return .csv(EvaluationService.sampleRows(d.sample.map(\.pick), heads: heads),
                    filename: "sample-\(d.evaluation.id!.rawValue).csv")
    }

    @Sendable static func advance(req: Request) async throws -> Response {
        let id = try evaluationID(req)
        _ = try await EvaluationService.advance(id, in: try req.context)
        return req.redirect(to: "/evaluations/\(id.rawValue)")
    }

    static func number(_ req: Request) throws -> Int {
        guard let n = req.parameters.get("number").flatMap(Int.init), n > 0 else { throw Refused.notFound("样本中没有这一户", "no such household in the sample") }
        return n
    }

    static func interviewForm(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let d = try await EvaluationService.detail(try evaluationID(req), in: ctx)
        let n = try number(req)
        guard d.onTeam, let s = d.sample.first(where: { $0.pick.number == n }) else {
            throw Refused.notFound("样本中没有这一户", "no such household in the sample")
        }
        // 开始时间: when the form is first opened in the household (kept when it comes back with faults).
        var kept = values
        if (kept["started"] ?? "").isEmpty { kept["started"] = ISO8601DateFormatter().string(from: ctx.now) }
        return .html(InterviewFormView.render(d, sampled: s, values: kept, faults: faults, today: ctx.today, questionnaire: ctx.questionnaire,
                                              csrf: req.viewer?.csrfToken ?? "", chrome: req.chrome), status: status)
    }

    @Sendable static func interviewPage(req: Request) async throws -> Response { try await interviewForm(req) }

    @Sendable static func interview(req: Request) async throws -> Response {
        let id = try evaluationID(req), n = try number(req)
        var v = ["verdict", "date", "note", "started"].reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        var approvals: [String: String] = [:]
        for (i, item) in EvaluationInterview.approvalItems.enumerated() {
            approvals[item] = req.formText("approval\(i)")
            v["approval\(i)"] = approvals[item]
        }
        var form = EvaluationService.InterviewForm(verdict: v["verdict"]!, date: v["date"]!, note: v["note"]!, approvals: approvals)
        form.started = v["started"]!
        for item in try req.context.questionnaire.items {
            form.answers[item.key] = req.formText("q_\(item.key)")
            v["q_\(item.key)"] = form.answers[item.key]
        }
        switch try await EvaluationService.interview(id, sample: n, form, in: try req.context) {
        case .done: return req.redirect(to: "/evaluations/\(id.rawValue)?done=\(n)#s\(n)")
        case .rejected(let r):
            var faults = r.faults
            for (i, item) in EvaluationInterview.approvalItems.enumerated() { if let f = faults.removeValue(forKey: "approval-\(item)") { faults["approval\(i)"] = f } }
            return try await interviewForm(req, values: v, faults: faults, status: .unprocessableEntity)
        }
    }

    struct RatesJSON: Content {
        var evaluation: Int64
        var state: String
        var rates: [Rate]
        struct Rate: Content {
            var name: String, units: Int, events: Double, plain: Double?, weighted: Double?, lower: Double?, upper: Double?, threshold: Double
            var mustStayBelow: Bool, met: Bool?, chanceOfMissing: Double?
        }
    }

    @Sendable static func ratesJSON(req: Request) async throws -> RatesJSON {
        let id = try evaluationID(req, "id")
        let d = try await EvaluationService.detail(id, in: try req.context)
        guard let rates = d.rates else { throw Refused(.forbidden, "评估反馈前不能查看结果", "the results are hidden until the feedback") }
        return RatesJSON(evaluation: id.rawValue, state: d.evaluation.state.rawValue, rates: rates.all.map { r in
            .init(name: r.name, units: r.estimate.units, events: r.estimate.events, plain: r.estimate.plain, weighted: r.estimate.weighted,
                  lower: r.estimate.interval?.lowerBound, upper: r.estimate.interval?.upperBound, threshold: r.threshold, mustStayBelow: r.mustStayBelow,
                  met: r.met, chanceOfMissing: r.chanceOfMissing)
        })
    }
}
