import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import Vapor

/// 问题清单: the board (page, CSV, JSON), the form to list a problem, a problem's page and its steps, and a
/// cadre sending on the problem a visit found.
enum ProblemController {
    static func register(_ routes: any RoutesBuilder, uploadLimit: Int) {
        routes.get("problems", use: board)
        routes.get("problems.csv", use: csv)
        routes.get("api", "v1", "problems", use: json)
        routes.get("problems", "new", use: new)
        UploadRoute.post(routes, "problems", limit: uploadLimit, use: create)
        routes.get("problems", ":problem", use: show)
        UploadRoute.post(routes, "problems", ":problem", "steps", limit: uploadLimit, use: step)
        routes.post("problems", ":problem", "accountability", use: account)
        routes.post("my", "logs", ":log", "forward", use: forward)
    }

    static func context(_ req: Request) throws -> ServiceContext { try req.context }

    /// The board's filters from the query; a value that is not one of the list is a fault naming the parameter.
    static func filter(_ req: Request, today: LocalDate) throws -> ProblemStore.Filter {
        // The page's form sends its empty fields ("全部"); in the API a parameter given empty is a fault.
        let strict = req.url.path.hasPrefix("/api/")
        for key in ["area", "state", "source", "category", "unit", "overdue", "page"] where strict && (try? req.query.get(String.self, at: key)) == "" {
            throw Refused(.badRequest, "参数\(key)不能为空", "parameter \(key) must not be empty", field: key)
        }
        func text(_ key: String) -> String? { (try? req.query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 } }
        var f = ProblemStore.Filter()
        if let a = text("area") {
            guard let code = AreaCode(a) else { throw Refused.notFound("区划代码无效", "not a valid area code") }
            f.area = code
        }
        if let s = text("state") {
            guard let state = ProblemState.parse(s) else { throw Refused(.badRequest, "state 应为 待认领、整改中、申请销号 或 已销号", "unknown state", field: "state") }
            f.state = state
        }
        if let s = text("source") {
            guard let source = ProblemSource.parse(s) else { throw Refused(.badRequest, "source 不是已知的问题来源", "unknown source", field: "source") }
            f.source = source
        }
        for key in ["category", "unit"] where (text(key)?.count ?? 0) > 60 {
            throw Refused(.badRequest, "\(key) 不超过60字", "\(key) must be at most 60 characters", field: key)
        }
        f.category = text("category")
        f.unit = text("unit")
        if let o = text("overdue") {
            guard o == "1" || o == "0" else { throw Refused(.badRequest, "overdue 应为 1 或 0", "overdue must be 1 or 0", field: "overdue") }
            if o == "1" { f.overdueOn = today }
        }
        return f
    }

    static func query(_ f: ProblemStore.Filter) -> String {
        var parts: [String] = []
        if let a = f.area { parts.append("area=\(a.value)") }
        for (k, v) in [("state", f.state?.rawValue), ("source", f.source?.rawValue), ("category", f.category), ("unit", f.unit)] {
            if let v { parts.append("\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? "")") }
        }
        if f.overdueOn != nil { parts.append("overdue=1") }
        return parts.joined(separator: "&")
    }

    @Sendable static func board(req: Request) async throws -> Response {
        let ctx = try context(req)
        let f = try filter(req, today: ctx.today)
        let page = try req.wholeNumber("page", in: 1...100_000) ?? 1
        let board = try await SupervisionService.board(f, page: page, in: ctx)
        return .html(ProblemBoardView.render(board, query: query(f), mayList: ctx.user.can(.writeFindings), chrome: req.chrome))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try context(req)
        let rows = try await SupervisionService.table(try filter(req, today: ctx.today), in: ctx)
        let response = Response(status: .ok, body: .init(string: CSVFormat.table(rows, byteOrderMark: true)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "problems.csv")
        return response
    }

    struct ProblemJSON: Content {
        var total: Int
        var page: Int
        var problems: [Item]
        struct Item: Content {
            var id: Int64, source: String, areaCode: String, unit: String, category: String, description: String, severity: String
            var found: String, deadline: String, state: String, overdue: Bool, closed: String?
        }
    }

    @Sendable static func json(req: Request) async throws -> ProblemJSON {
        let ctx = try context(req)
        let page = try req.wholeNumber("page", in: 1...100_000) ?? 1
        let b = try await SupervisionService.board(try filter(req, today: ctx.today), page: page, in: ctx)
        return ProblemJSON(total: b.total, page: b.page, problems: b.problems.map { p in
            .init(id: p.id!.rawValue, source: p.source.rawValue, areaCode: p.area.value, unit: p.unit, category: p.category, description: p.description,
                  severity: p.severity.rawValue, found: p.found.description, deadline: p.deadline.description, state: p.state.rawValue,
                  overdue: p.isOverdue(on: b.today), closed: p.closed?.description)
        })
    }

    static func newPage(_ req: Request, _ ctx: ServiceContext, values: [String: String], faults: [String: String], status: HTTPStatus) -> Response {
        let form = ProblemFormView.form(action: "/problems", checkItems: ctx.supervision.checkItems, sourceFixed: nil, values: values, faults: faults,
                                        today: ctx.today, csrf: req.viewer?.csrfToken ?? "", upload: ctx.attachments)
        return .html(Layout.page(title: "登记问题", crumbs: [.init("首页", "/areas"), .init("问题清单", "/problems"), .init("登记问题")],
                                 chrome: req.chrome, body: form), status: status)
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let ctx = try context(req)
        try ctx.user.require(.writeFindings)
        let area = (try? req.query.get(String.self, at: "area")) ?? ctx.user.area?.value ?? ""
        return newPage(req, ctx, values: ["area": area], faults: [:], status: .ok)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let ctx = try context(req)
        let values = ProblemFormView.keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        var form = ProblemFormView.typed(values)
        form.files = req.uploads()
        switch try await SupervisionService.list(form, in: ctx) {
        case .done(let p): return req.redirect(to: "/problems/\(p.id!.rawValue)?saved=1")
        case .rejected(let r): return newPage(req, ctx, values: values, faults: r.faults, status: .unprocessableEntity)
        }
    }

    static func problemID(_ req: Request) throws -> Problem.ID {
        try req.pathID("problem", or: Refused.notFound("没有这个问题", "no such problem"))
    }

    static func page(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try context(req)
        let detail = try await SupervisionService.problem(try problemID(req), in: ctx)
        let notice = (try? req.query.get(String.self, at: "saved")) == "1" ? "已保存 / saved" : nil
        return .html(ProblemView.render(detail, csrf: req.viewer?.csrfToken ?? "", values: values, faults: faults, notice: notice, chrome: req.chrome),
                     status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func step(req: Request) async throws -> Response {
        let id = try problemID(req)
        let rows = (0..<ProblemView.shareRows).flatMap { ["unit_\($0)", "deadline_\($0)"] }
        let v = (["action", "unit", "evidence", "audit_record", "note", "deadline"] + rows).reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let form = SupervisionService.StepForm(action: v["action"]!, unit: v["unit"]!, evidence: v["evidence"]!, auditRecord: v["audit_record"]!,
                                               note: v["note"]!, deadline: v["deadline"]!, files: req.uploads(),
                                               shares: (0..<ProblemView.shareRows).map { (v["unit_\($0)"]!, v["deadline_\($0)"]!) })
        switch try await SupervisionService.step(id, form, in: try context(req)) {
        case .done: return req.redirect(to: "/problems/\(id.rawValue)?saved=1")
        case .rejected(let r): return try await page(req, values: v, faults: r.faults, status: .unprocessableEntity)
        }
    }

    @Sendable static func forward(req: Request) async throws -> Response {
        let log: WorkLog.ID = try req.pathID("log", or: Refused.notFound("没有这条工作日志", "no such work log"))
        let p = try await SupervisionService.forward(log, category: req.formText("category"), in: try context(req))
        return req.redirect(to: "/my?forwarded=\(p.id!.rawValue)")
    }

    @Sendable static func account(req: Request) async throws -> Response {
        let id = try problemID(req)
        let v = ["account_action", "basis", "account_unit", "person", "phone", "date", "account_note"].reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let form = SupervisionService.AccountabilityForm(action: v["account_action"]!, basis: v["basis"]!, unit: v["account_unit"]!, person: v["person"]!,
                                                         phone: v["phone"]!, date: v["date"]!, note: v["account_note"]!)
        switch try await SupervisionService.holdToAccount(id, form, in: try context(req)) {
        case .done: return req.redirect(to: "/problems/\(id.rawValue)?saved=1")
        case .rejected(let r):
            let keyed = ["action": "account_action", "unit": "account_unit", "note": "account_note"]
            let faults = Dictionary(r.faults.map { (keyed[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            return try await page(req, values: v, faults: faults, status: .unprocessableEntity)
        }
    }
}
