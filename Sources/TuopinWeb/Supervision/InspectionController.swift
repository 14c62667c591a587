import TuopinDomain
import TuopinServices
import Vapor

/// 督查与暗访: list and order inspections; an inspection's page with its draw, the finding form and closing.
enum InspectionController {
    static func register(_ routes: any RoutesBuilder, uploadLimit: Int) {
        routes.get("inspections", use: list)
        routes.post("inspections", use: order)
        routes.get("inspections", ":inspection", use: show)
        routes.post("inspections", ":inspection", "draw", use: draw)
        routes.post("inspections", ":inspection", "close", use: close)
        UploadRoute.post(routes, "inspections", ":inspection", "findings", limit: uploadLimit, use: finding)
    }

    static let keys = ["kind", "title", "team", "start", "end", "area", "method"]

    static func listPage(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let items = try await SupervisionService.inspections(area: nil, in: ctx)
        return .html(InspectionView.list(items, mayOrder: ctx.user.can(.writeFindings), values: values, faults: faults, today: ctx.today,
                                         csrf: req.viewer?.csrfToken ?? "", chrome: req.chrome), status: status)
    }

    @Sendable static func list(req: Request) async throws -> Response { try await listPage(req) }

    @Sendable static func order(req: Request) async throws -> Response {
        let v = keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let form = SupervisionService.InspectionForm(kind: v["kind"]!, title: v["title"]!, team: v["team"]!, start: v["start"]!, end: v["end"]!,
                                                     area: v["area"]!, method: v["method"]!)
        switch try await SupervisionService.order(form, in: try req.context) {
        case .done(let i): return req.redirect(to: "/inspections/\(i.id!.rawValue)")
        case .rejected(let r): return try await listPage(req, values: v, faults: r.faults, status: .unprocessableEntity)
        }
    }

    static func inspectionID(_ req: Request) throws -> Inspection.ID {
        try req.pathID("inspection", or: Refused.notFound("没有这次督查", "no such inspection"))
    }

    static func page(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let detail = try await SupervisionService.inspection(try inspectionID(req), in: ctx)
        var v = values
        if v.isEmpty, let h = try? req.query.get(String.self, at: "household"), let a = try? req.query.get(String.self, at: "area") {
            v = ["households": h, "area": a]
        }
        return .html(InspectionView.show(detail, checkItems: ctx.supervision.checkItems, values: v, faults: faults, today: ctx.today,
                                         csrf: req.viewer?.csrfToken ?? "", upload: ctx.attachments, chrome: req.chrome), status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func draw(req: Request) async throws -> Response {
        let id = try inspectionID(req)
        func number(_ key: String) throws -> Int {
            guard let n = Int(req.formText(key).trimmingCharacters(in: .whitespaces)) else {
                throw Refused(.invalid, "\(key == "villages" ? "抽取村数" : "抽取户数")应为整数", "\(key) must be a whole number", field: key)
            }
            return n
        }
        let seedText = req.formText("seed").trimmingCharacters(in: .whitespaces)
        guard seedText.isEmpty || UInt64(seedText) != nil else { throw Refused(.invalid, "种子应为非负整数", "seed must be a whole number", field: "seed") }
        _ = try await SupervisionService.draw(id, villages: try number("villages"), households: try number("households"), seed: UInt64(seedText),
                                              in: try req.context)
        return req.redirect(to: "/inspections/\(id.rawValue)")
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let id = try inspectionID(req)
        try await SupervisionService.close(id, in: try req.context)
        return req.redirect(to: "/inspections/\(id.rawValue)")
    }

    @Sendable static func finding(req: Request) async throws -> Response {
        let id = try inspectionID(req)
        let values = ProblemFormView.keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        var form = ProblemFormView.typed(values)
        form.files = req.uploads()
        switch try await SupervisionService.finding(id, form, in: try req.context) {
        case .done(let p): return req.redirect(to: "/problems/\(p.id!.rawValue)?saved=1")
        case .rejected(let r): return try await page(req, values: values, faults: r.faults, status: .unprocessableEntity)
        }
    }
}
