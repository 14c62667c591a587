import TuopinDomain
import TuopinServices
import Vapor

/// 干部名单 and one cadre's page: the roster of an area, a cadre's details, posts and households; edit the
/// details, give a post, end one. A refused form comes back with what was typed and the fault at each field.
enum CadreController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("cadres", use: roster)
        routes.get("cadres", ":cadre", use: show)
        routes.post("cadres", ":cadre", use: save)
        routes.post("cadres", ":cadre", "posts", use: assign)
        routes.post("cadres", ":cadre", "posts", ":post", "end", use: end)
    }

    static func cadreID(_ req: Request) throws -> Cadre.ID {
        try req.pathID("cadre", or: Refused.notFound("没有这名干部", "no such cadre"))
    }

    @Sendable static func roster(req: Request) async throws -> Response {
        let text = try? req.query.get(String.self, at: "area")
        guard text == nil || text!.isEmpty || AreaCode(text!) != nil else { throw Refused.notFound("区划代码无效", "not a valid area code") }
        let ctx = try DutyController.context(req)
        let area = text.flatMap(AreaCode.init)
        let entries = try await ResponsibilityService.roster(area: area, in: ctx)
        return .html(CadreView.roster(entries, area: area, showPhones: ctx.user.can(.manageResponsibility), chrome: req.chrome))
    }

    static func page(_ req: Request, draft: CadreView.Draft? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try DutyController.context(req)
        let record = try await ResponsibilityService.cadre(try cadreID(req), in: ctx)
        let page = CadreView.record(record, layers: ctx.responsibility.active.layers.map(\.name), today: ctx.today,
                                    csrf: req.viewer?.csrfToken ?? "", draft: draft, chrome: req.chrome)
        return .html(page, status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req) }

    static func form(_ req: Request, _ keys: [String]) -> [String: String] {
        keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let id = try cadreID(req)
        let f = form(req, ["name", "phone", "unit", "unit_level", "post", "rank", "username", "id_number", "reason"])
        let typed = ResponsibilityService.CadreForm(name: f["name"]!, phone: f["phone"]!, unit: f["unit"]!, unitLevel: f["unit_level"]!,
                                                    post: f["post"]!, rank: f["rank"]!, username: f["username"]!, reason: f["reason"]!,
                                                    idNumber: f["id_number"]!)
        switch try await ResponsibilityService.saveCadre(id, typed, in: try DutyController.context(req)) {
        case .done: return req.redirect(to: "/cadres/\(id.rawValue)?saved=1")
        case .rejected(let r): return try await page(req, draft: .init(form: .details, values: f, faults: r.faults), status: .unprocessableEntity)
        }
    }

    @Sendable static func assign(req: Request) async throws -> Response {
        let id = try cadreID(req)
        let f = form(req, ["layer", "area", "start", "end", "reason"])
        switch try await ResponsibilityService.assign(id, layer: f["layer"]!, area: f["area"]!, start: f["start"]!, end: f["end"]!,
                                                      reason: f["reason"]!, in: try DutyController.context(req)) {
        case .done: return req.redirect(to: "/cadres/\(id.rawValue)?saved=1#posts")
        case .rejected(let r): return try await page(req, draft: .init(form: .post, values: f, faults: r.faults), status: .unprocessableEntity)
        }
    }

    @Sendable static func end(req: Request) async throws -> Response {
        let id = try cadreID(req)
        let post: Assignment.ID = try req.pathID("post", or: Refused.notFound("没有这个岗位", "no such post"))
        let f = form(req, ["end", "reason"])
        switch try await ResponsibilityService.endAssignment(post, of: id, on: f["end"]!, reason: f["reason"]!, in: try DutyController.context(req)) {
        case .done: return req.redirect(to: "/cadres/\(id.rawValue)?saved=1#posts")
        case .rejected(let r): return try await page(req, draft: .init(form: .end(post), values: f, faults: r.faults), status: .unprocessableEntity)
        }
    }
}
