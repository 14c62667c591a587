import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// 公告公示: the list, a notice's printable sheet, and its posting and removal.
enum NoticesController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("notices", use: list)
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

    @Sendable static func list(req: Request) async throws -> Response {
        let ctx = try req.context
        var area: AreaCode?
        if let a = (try? req.query.get(String.self, at: "area")), !a.isEmpty {
            guard let code = AreaCode(a) else { throw Refused.notFound("区划代码无效", "not a valid area code") }
            area = code
        }
        let notices = try await FundsService.notices(area: area, in: ctx)
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
