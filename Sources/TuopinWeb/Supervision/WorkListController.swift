import TuopinDomain
import TuopinServices
import Vapor

/// 月工作清单: a month's list (this month by default) and adding a task to it.
enum WorkListController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("worklist", use: show)
        routes.post("worklist", use: add)
    }

    static let keys = ["task", "unit", "area", "category", "due"]

    static func month(_ req: Request, today: LocalDate) throws -> DutyPeriod {
        guard let text = try? req.query.get(String.self, at: "month"), !text.isEmpty else { return .month(today.year, today.month) }
        guard let m = DutyPeriod.parse(text), m.length == .month else {
            throw Refused(.badRequest, "month 应为月份，如 2016-08", "month must be like 2016-08", field: "month")
        }
        return m
    }

    static func page(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let areaText = (try? req.query.get(String.self, at: "area")) ?? ""
        guard areaText.isEmpty || AreaCode(areaText) != nil else { throw Refused.notFound("区划代码无效", "not a valid area code") }
        let list = try await SupervisionService.workList(month: try month(req, today: ctx.today), area: AreaCode(areaText), in: ctx)
        let notice = (try? req.query.get(String.self, at: "saved")) == "1" ? "已加入清单 / added" : nil
        return .html(WorkListView.render(list, values: values, faults: faults, notice: notice, csrf: req.viewer?.csrfToken ?? "", chrome: req.chrome),
                     status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func add(req: Request) async throws -> Response {
        let ctx = try req.context
        let m = try month(req, today: ctx.today)
        let v = keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let form = SupervisionService.TaskForm(area: v["area"]!, unit: v["unit"]!, task: v["task"]!, due: v["due"]!, category: v["category"]!)
        switch try await SupervisionService.issueTask(month: m, form, in: ctx) {
        case .done: return req.redirect(to: "/worklist?month=\(m.key)&saved=1")
        case .rejected(let r): return try await page(req, values: v, faults: r.faults, status: .unprocessableEntity)
        }
    }
}
