import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import Vapor

/// 信息比对: the flags (page, CSV, JSON) and a township's or the county's verification of one.
enum MatchController {
    static func register(_ routes: any RoutesBuilder, uploadLimit: Int) {
        routes.get("match", use: page)
        routes.get("match.csv", use: csv)
        routes.get("match.xlsx", use: xlsx)
        routes.get("match", "suspicions.csv", use: suspicionsCSV)
        routes.get("api", "v1", "match", use: json)
        routes.post("match", "decide", use: decide)
        routes.post("match", "assign", use: assign)
        UploadRoute.post(routes, "match", "upload", limit: uploadLimit, use: upload)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        return try await render(req, year: q.year, area: q.area)
    }

    static func render(_ req: Request, year: Int, area: AreaCode?, draft: (key: String, values: [String: String], faults: [String: String])? = nil,
                       report: HTML? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let q = try await MatchService.match(year: year, area: area, in: ctx)
        let suspicions = try await MatchService.suspicions(year: year, area: q.area, in: ctx)
        let counts = MatchView.byArea(q, suspicions)
        let names = try await AreaStore.names(of: [q.area] + counts.map(\.area), on: ctx.db)
        let name = names[q.area] ?? q.area.value
        let notice = (try? req.query.get(String.self, at: "saved")) == "1" ? "已保存核实结论 / saved" : nil
        let upload: MatchView.UploadForm? = ctx.user.can(.manageFunds) ? .init(report: report) : nil
        return .html(MatchView.render(q, suspicions: suspicions, areaName: name, areaCounts: counts, names: names, draft: draft, csrf: req.viewer?.csrfToken ?? "", notice: notice,
                                      upload: upload, chrome: req.chrome), status: status)
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        let queue = try await MatchService.match(year: q.year, area: q.area, in: ctx)
        return .csv(queue.table, filename: "match-\(q.year).csv")
    }

    /// 疑点核实清单 (department flags and patterns, by village) as the spreadsheet a township works through.
    @Sendable static func xlsx(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        let queue = try await MatchService.match(year: q.year, area: q.area, in: ctx)
        let patterns = try await MatchService.suspicions(year: q.year, area: queue.area, in: ctx)
        return try .xlsx(MatchService.suspectList(queue, patterns), sheet: "疑点核实清单", filename: "suspects-\(queue.area.value)-\(q.year).xlsx")
    }

    @Sendable static func suspicionsCSV(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        let s = try await MatchService.suspicions(year: q.year, area: q.area, in: ctx)
        return .csv(s.table, filename: "suspicions-\(q.year).csv")
    }

    struct MatchJSON: Content {
        var year: Int, areaCode: String, dismissed: Int
        var flags: [Item]
        struct Item: Content {
            var householdNumber: String, idNumber: String, name: String, department: String, rule: String, explanation: String, outcome: String?
        }
    }

    @Sendable static func json(req: Request) async throws -> MatchJSON {
        let ctx = try req.context
        let q = try req.yearAndArea(today: ctx.today)
        let queue = try await MatchService.match(year: q.year, area: q.area, in: ctx)
        return MatchJSON(year: queue.year, areaCode: queue.area.value, dismissed: queue.dismissed, flags: queue.flags.map { f in
            .init(householdNumber: f.householdNumber, idNumber: f.idNumber, name: f.name, department: f.kind?.department ?? "教育", rule: f.rule.rawValue,
                  explanation: f.explanation, outcome: queue.decisions[f.key]?.outcome)
        })
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let ctx = try req.context
        guard let year = Int(req.formText("year")), (2014...2100).contains(year) else { throw Refused(.badRequest, "年度无效", "bad year", field: "year") }
        let area = AreaCode(req.formText("area"))
        let key = req.formText("key")
        let values = ["outcome": req.formText("outcome"), "reason": req.formText("reason")]
        switch try await MatchService.decide(year: year, key: key, outcome: values["outcome"]!, reason: values["reason"]!, area: area, in: ctx) {
        case .done: return req.redirect(to: "/match?year=\(year)\(area.map { "&area=\($0.value)" } ?? "")&saved=1")
        case .rejected(let r): return try await render(req, year: year, area: area, draft: (key, values, r.faults), status: .unprocessableEntity)
        }
    }

    /// 交办 — the county hands a flag to the township or the household's 帮扶责任人.
    @Sendable static func assign(req: Request) async throws -> Response {
        let ctx = try req.context
        guard let year = Int(req.formText("year")), (2014...2100).contains(year) else { throw Refused(.badRequest, "年度无效", "bad year", field: "year") }
        let area = AreaCode(req.formText("area"))
        _ = try await MatchService.assign(year: year, key: req.formText("key"), to: req.formText("to"), area: area, in: ctx)
        return req.redirect(to: "/match?year=\(year)\(area.map { "&area=\($0.value)" } ?? "")&saved=1")
    }

    /// 导入部门比对数据 on the page: a department's file checked and loaded as `tuopin import-department` does it.
    @Sendable static func upload(req: Request) async throws -> Response {
        let ctx = try req.context
        let year = try req.yearAndArea(today: ctx.today).year
        let dryRun = req.formText("dry_run") == "1"
        guard let kind = DepartmentRecord.Kind(rawValue: req.formText("kind")) else {
            throw Refused(.badRequest, "请选择数据类别", "choose the kind of file", field: "kind")
        }
        let table: UploadedTable
        do { table = try UploadedTable.save(req) } catch let r as Refused {
            return try await render(req, year: year, area: nil, report: "<p class=\"bad\" role=\"alert\" id=\"upload-report\">\(r.chinese)</p>", status: .unprocessableEntity)
        }
        defer { table.remove() }
        let outcome = try await MatchService.load(DepartmentFileReader.read(table.url, kind: kind, today: ctx.today), kind: kind, file: table.url, county: nil,
                                                  dryRun: dryRun, in: ctx)
        return try await render(req, year: year, area: nil, report: UploadedTable.report(outcome, file: table.url.lastPathComponent, dryRun: dryRun),
                                status: outcome.hasErrors ? .unprocessableEntity : .ok)
    }
}
