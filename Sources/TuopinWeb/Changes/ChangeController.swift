import TuopinDomain
import TuopinServices
import Vapor

/// 变更申请: list, show, approve, return, withdraw.
enum ChangeController {
    static func register(_ routes: any RoutesBuilder, uploadLimit: Int) {
        routes.get("changes", use: index)
        routes.get("changes", ":id", use: show)
        routes.post("changes", ":id", "approve", use: approve)
        routes.post("changes", ":id", "return", use: giveBack)
        routes.post("changes", ":id", "withdraw", use: withdraw)
        UploadRoute.post(routes, "changes", ":id", "attachments", limit: uploadLimit, use: attach)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let mine = req.query[String.self, at: "waiting"] == "mine"
        return .html(ChangeListView.render(try await ChangeService.list(waitingForMe: mine, in: try req.context), waitingForMe: mine,
                                           chrome: req.chrome))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, message: nil)
    }

    @Sendable static func approve(req: Request) async throws -> Response {
        let note = req.formText("note")
        return try await decide(req, .approve(note: note.isEmpty ? nil : note))
    }

    @Sendable static func giveBack(req: Request) async throws -> Response {
        try await decide(req, .giveBack(reason: req.formText("reason")))
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        try await decide(req, .withdraw)
    }

    @Sendable static func attach(req: Request) async throws -> Response {
        let id: ChangeRequest.ID = try req.pathID(or: .noSuchChangeRequest)
        switch try await ChangeService.attach(id, files: req.uploads(), in: try req.context) {
        case .done: return req.redirect(to: "/changes/\(id)")
        case .rejected(let r): return try await page(req, message: nil, rejected: .invalid, filesFault: r.faults["files"])
        }
    }

    static func decide(_ req: Request, _ decision: ChangeService.Decision) async throws -> Response {
        let id: ChangeRequest.ID = try req.pathID(or: .noSuchChangeRequest)
        switch try await ChangeService.decide(id, decision, in: try req.context) {
        case .done: return req.redirect(to: "/changes/\(id)")
        case .rejected(let r): return try await page(req, message: r.message ?? r.faults.values.sorted().joined(separator: "；"), rejected: r.kind)
        }
    }

    static func page(_ req: Request, message: String?, rejected: RefusalKind? = nil, filesFault: String? = nil) async throws -> Response {
        let ctx = try req.context
        let shown = try await ChangeService.show(try req.pathID(or: .noSuchChangeRequest), in: ctx)
        var model = ChangeShowView.Model(stored: shown.stored, csrf: req.viewer?.csrfToken ?? "", canDecide: shown.canDecide,
                                         canWithdraw: shown.canWithdraw, message: message)
        model.masked = !ctx.user.can(.viewFullIdentity)
        model.actors = shown.actors
        model.attachments = shown.attachments
        model.canAttach = shown.canAttach
        model.uploadLimit = shown.uploadLimit
        model.filesFault = filesFault
        let page = ChangeShowView.render(model, chrome: req.chrome)
        return rejected.map { .html(page, rejected: $0) } ?? .html(page)
    }
}
