import Foundation
import TuopinDomain
import TuopinServices
import Vapor

/// 项目库: the list (page and JSON), the proposal form, a project's page, its steps and reimbursements.
enum ProjectController {
    static func register(_ routes: any RoutesBuilder, uploadLimit: Int) {
        routes.get("projects", use: list)
        routes.get("api", "v1", "projects", use: json)
        routes.get("projects", "new", use: new)
        routes.post("projects", use: create)
        routes.get("projects", ":project", use: show)
        UploadRoute.post(routes, "projects", ":project", "steps", limit: uploadLimit, use: step)
        routes.post("projects", ":project", "reimbursements", use: reimburse)
    }

    static func filter(_ req: Request) throws -> (area: AreaCode?, year: Int?, stage: ProjectStage?) {
        if req.url.path.hasPrefix("/api/") {
            for key in ["area", "year", "stage"] where (try? req.query.get(String.self, at: key)) == "" {
                throw Refused(.badRequest, "参数\(key)不能为空", "parameter \(key) must not be empty", field: key)
            }
        }
        var area: AreaCode?
        if let a = (try? req.query.get(String.self, at: "area")), !a.isEmpty {
            guard let code = AreaCode(a) else { throw Refused.notFound("区划代码无效", "not a valid area code") }
            area = code
        }
        var stage: ProjectStage?
        if let s = (try? req.query.get(String.self, at: "stage")), !s.isEmpty {
            guard let st = ProjectStage.parse(s) else { throw Refused(.badRequest, "stage 不是项目阶段（\(ProjectStage.allowedList)）", "unknown stage", field: "stage") }
            stage = st
        }
        return (area, try req.wholeNumber("year", in: 2014...2100), stage)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let ctx = try req.context
        let f = try filter(req)
        let found = try await FundsService.projects(area: f.area, year: f.year, stage: f.stage, in: ctx)
        return .html(ProjectListView.render(found.projects, names: found.names, area: f.area, year: f.year, stage: f.stage,
                                            mayPropose: ctx.user.can(.proposeProjects), chrome: req.chrome))
    }

    struct ProjectJSON: Content {
        var projects: [Item]
        struct Item: Content {
            var id: Int64, name: String, category: String, nature: String, proposer: String, villages: [String], unit: String, planned: String
            var year: Int, start: String, end: String, beneficiaries: Int, households: Int, targets: String, stage: String
            var posted: String?, accepted: String?, announced: String?
        }
    }

    @Sendable static func json(req: Request) async throws -> ProjectJSON {
        let f = try filter(req)
        let found = try await FundsService.projects(area: f.area, year: f.year, stage: f.stage, in: try req.context)
        return ProjectJSON(projects: found.projects.map { p in
            .init(id: p.id!.rawValue, name: p.name, category: p.category.rawValue, nature: p.nature.rawValue, proposer: p.proposer.rawValue,
                  villages: p.villages.map(\.value), unit: p.unit, planned: p.planned.plainYuan, year: p.year, start: p.start.description,
                  end: p.end.description, beneficiaries: p.beneficiaries, households: p.households.count, targets: p.targets, stage: p.stage.rawValue,
                  posted: p.posted?.description, accepted: p.accepted?.description, announced: p.announced?.description)
        })
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let ctx = try req.context
        try ctx.user.require(.proposeProjects)
        let area = ctx.user.area.map { $0.level == .village ? $0.value : "" } ?? ""
        return .html(ProjectFormView.render(values: ["villages": area, "year": String(ctx.today.year)], faults: [:], csrf: req.viewer?.csrfToken ?? "",
                                            chrome: req.chrome))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let values = ProjectFormView.keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        switch try await FundsService.propose(ProjectFormView.typed(values), in: try req.context) {
        case .done(let p): return req.redirect(to: "/projects/\(p.id!.rawValue)?saved=1")
        case .rejected(let r):
            return .html(ProjectFormView.render(values: values, faults: r.faults, csrf: req.viewer?.csrfToken ?? "", chrome: req.chrome), status: .unprocessableEntity)
        }
    }

    static func projectID(_ req: Request) throws -> Project.ID { try req.pathID("project", or: Refused.notFound("没有这个项目", "no such project")) }

    static func page(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let detail = try await FundsService.project(try projectID(req), in: try req.context)
        let notice = (try? req.query.get(String.self, at: "saved")) == "1" ? "已保存 / saved" : nil
        return .html(ProjectView.render(detail, csrf: req.viewer?.csrfToken ?? "", values: values, faults: faults, notice: notice, chrome: req.chrome),
                     status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func step(req: Request) async throws -> Response {
        let id = try projectID(req)
        let v = ["action", "note", "amount"].reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        switch try await FundsService.step(id, .init(action: v["action"]!, note: v["note"]!, amount: v["amount"]!, files: req.uploads()), in: try req.context) {
        case .done: return req.redirect(to: "/projects/\(id.rawValue)?saved=1")
        case .rejected(let r): return try await page(req, values: v, faults: r.faults, status: .unprocessableEntity)
        }
    }

    @Sendable static func reimburse(req: Request) async throws -> Response {
        let id = try projectID(req)
        let v = ["allocation", "amount", "date", "voucher", "level"].reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let form = FundsService.ReimbursementForm(allocation: v["allocation"]!, amount: v["amount"]!, date: v["date"]!, voucher: v["voucher"]!, level: v["level"]!)
        switch try await FundsService.reimburse(form, in: try req.context) {
        case .done: return req.redirect(to: "/projects/\(id.rawValue)?saved=1")
        case .rejected(let r): return try await page(req, values: v, faults: r.faults, status: .unprocessableEntity)
        }
    }
}
