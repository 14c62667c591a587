import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import Vapor

/// 防漏疑点: the queue (page, CSV, JSON) and the county's decision on a flag.
enum LeaksController {
    static func register(_ routes: any RoutesBuilder, uploadLimit: Int) {
        routes.get("leaks", use: page)
        routes.get("leaks.csv", use: csv)
        routes.get("api", "v1", "leaks", use: json)
        routes.post("leaks", "decide", use: decide)
        UploadRoute.post(routes, "leaks", "upload", limit: uploadLimit, use: upload)
    }

    static func render(_ req: Request, year: Int, area: AreaCode?, draft: (key: String, values: [String: String], faults: [String: String])? = nil,
                       report: HTML? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let q = try await BenefitsService.leaks(year: year, area: area, in: ctx)
        let name = try await AreaStore.names(of: [q.area], on: ctx.db)[q.area] ?? q.area.value
        let notice = (try? req.query.get(String.self, at: "saved")) == "1" ? "已保存核实结论 / saved" : nil
        let upload = ctx.user.can(.manageFunds) ? LeaksView.UploadForm(policies: ctx.benefits.policies.map { ($0.key, $0.name) }, rules: ctx.attachments, report: report) : nil
        return .html(LeaksView.render(q, areaName: name, draft: draft, csrf: req.viewer?.csrfToken ?? "", notice: notice, upload: upload, chrome: req.chrome),
                     status: status)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        return try await render(req, year: q.year, area: q.area)
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        let queue = try await BenefitsService.leaks(year: q.year, area: q.area, in: ctx)
        return .csv(queue.table, filename: "leaks-\(q.year).csv")
    }

    struct LeaksJSON: Content {
        var year: Int, areaCode: String, open: Int
        var flags: [Item]
        struct Item: Content {
            var householdNumber: String, idNumber: String, policy: String, rule: String, amount: String, note: String, outcome: String?
        }
    }

    @Sendable static func json(req: Request) async throws -> LeaksJSON {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        let queue = try await BenefitsService.leaks(year: q.year, area: q.area, in: ctx)
        return LeaksJSON(year: queue.year, areaCode: queue.area.value, open: queue.open, flags: queue.flags.map { f in
            .init(householdNumber: f.householdNumber, idNumber: f.idNumber, policy: f.policy, rule: f.rule.rawValue, amount: f.amount.plainYuan, note: f.note,
                  outcome: queue.decisions[f.key]?.outcome)
        })
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let ctx = try req.context
        guard let year = Int(req.formText("year")), (2014...2100).contains(year) else { throw Refused(.badRequest, "年度无效", "bad year", field: "year") }
        let area = AreaCode(req.formText("area"))
        let key = req.formText("key")
        let values = ["outcome": req.formText("outcome"), "reason": req.formText("reason")]
        let county = area.flatMap { $0.level == .county ? $0 : $0.ancestor(at: .county) }
        switch try await BenefitsService.decide(year: year, key: key, outcome: values["outcome"]!, reason: values["reason"]!, county: county, in: ctx) {
        case .done: return req.redirect(to: "/leaks?year=\(year)\(area.map { "&area=\($0.value)" } ?? "")&saved=1")
        case .rejected(let r): return try await render(req, year: year, area: area, draft: (key, values, r.faults), status: .unprocessableEntity)
        }
    }

    /// 导入到户资金发放名单 on the page: the department's file checked and loaded as `tuopin import-benefits` does it,
    /// the outcome shown above the queue (every fault by row and column; nothing written on any).
    @Sendable static func upload(req: Request) async throws -> Response {
        let ctx = try req.context
        let year = try req.yearAndArea(today: ctx.today).year
        let policy = req.formText("policy"), dryRun = req.formText("dry_run") == "1"
        let table: UploadedTable
        do { table = try UploadedTable.save(req) } catch let r as Refused {
            return try await render(req, year: year, area: nil, report: "<p class=\"bad\" role=\"alert\" id=\"upload-report\">\(r.chinese)</p>", status: .unprocessableEntity)
        }
        defer { table.remove() }
        let outcome = try await BenefitsService.load(BenefitFileReader.read(table.url, today: ctx.today), policy: policy, department: nil, file: table.url,
                                                     county: nil, dryRun: dryRun, in: ctx)
        return try await render(req, year: year, area: nil, report: UploadedTable.report(outcome, file: table.url.lastPathComponent, dryRun: dryRun),
                                status: outcome.hasErrors ? .unprocessableEntity : .ok)
    }
}
