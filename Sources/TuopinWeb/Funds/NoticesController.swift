import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// 公告公示: the list, a notice's printable sheet, and its posting and removal.
enum NoticesController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("notices", use: list)
        routes.get("api", "v1", "notices", use: json)
        routes.get("notices", ":kind", ":subject", use: show)
        routes.post("notices", ":kind", ":subject", "post", use: post)
        routes.post("notices", ":kind", ":subject", "remove", use: remove)
    }

    static func target(_ req: Request) throws -> (PublicNotice.Kind, Int64) {
        guard let kind = req.parameters.get("kind").flatMap(PublicNotice.Kind.fromKey), let subject = req.parameters.get("subject").flatMap(Int64.init), subject > 0 else {
            throw Refused.notFound("没有这份公告", "no such notice")
        }
        return (kind, subject)
    }

    static func area(_ req: Request) throws -> AreaCode? {
        guard let a = (try? req.query.get(String.self, at: "area")) else { return nil }
        if a.isEmpty {
            if req.url.path.hasPrefix("/api/") { throw Refused(.badRequest, "参数area不能为空", "parameter area must not be empty", field: "area") }
            return nil
        }
        guard let code = AreaCode(a) else { throw Refused.notFound("区划代码无效", "not a valid area code") }
        return code
    }

    struct NoticeJSON: Content {
        var kind: String, key: String, subject: Int64, title: String, areaCode: String, due: String
        var posted: String?, removed: String?, place: String, state: String, url: String
    }

    /// 公告公示 in the JSON API: each notice generated from the records, with its state today.
    @Sendable static func json(req: Request) async throws -> [NoticeJSON] {
        let ctx = try req.context
        return try await FundsService.notices(area: try area(req), in: ctx).map { n in
            NoticeJSON(kind: n.kind.rawValue, key: n.kind.key, subject: n.subject, title: n.title, areaCode: n.area.value, due: n.due.description,
                       posted: n.posted?.description, removed: n.removed?.description, place: n.place, state: n.state(on: ctx.today).rawValue,
                       url: "/notices/\(n.kind.key)/\(n.subject)")
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let ctx = try req.context
        let notices = try await FundsService.notices(area: try area(req), in: ctx)
        let names = try await AreaStore.names(of: Array(Set(notices.map(\.area))), on: ctx.db)
        return .html(NoticeListView.render(notices, names: names, today: ctx.today, chrome: req.chrome))
    }

    static func page(_ req: Request, values: [String: String] = [:], faults: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let (kind, subject) = try target(req)
        let sheet = try await FundsService.notice(kind, subject, in: try req.context)
        let notice = (try? req.query.get(String.self, at: "saved")) == "1" ? "已保存 / saved" : nil
        return .html(NoticeSheetView.render(sheet, values: values, faults: faults, csrf: req.viewer?.csrfToken ?? "", notice: notice, chrome: req.chrome),
                     status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req) }

    static func answer(_ req: Request, _ result: FormResult<PublicNotice>, values: [String: String]) async throws -> Response {
        switch result {
        case .done(let n): return req.redirect(to: "/notices/\(n.kind.key)/\(n.subject)?saved=1")
        case .rejected(let r): return try await page(req, values: values, faults: r.faults, status: .unprocessableEntity)
        }
    }

    @Sendable static func post(req: Request) async throws -> Response {
        let (kind, subject) = try target(req)
        let values = ["posted": req.formText("posted"), "place": req.formText("place")]
        return try await answer(req, try await FundsService.record(kind, subject, posted: values["posted"]!, place: values["place"]!, removed: nil,
                                                                   in: try req.context), values: values)
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let (kind, subject) = try target(req)
        let values = ["removed": req.formText("removed")]
        return try await answer(req, try await FundsService.record(kind, subject, posted: nil, place: "", removed: values["removed"]!, in: try req.context),
                                values: values)
    }
}
