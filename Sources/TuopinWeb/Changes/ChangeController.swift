import Fluent
import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// 变更申请: list, show, approve, return, withdraw — each step checked by the domain state machine.
enum ChangeController {
    @Sendable static func index(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        guard viewer.user.can(.editRegistry) || viewer.user.can(.approveChanges) else {
            throw Abort(.forbidden, reason: "您的角色不办理变更申请 / your role does not handle change requests")
        }
        return .html(ChangeListView.render(try await ChangeRequestStore.list(scope: viewer.scope, on: req.db), chrome: req.chrome))
    }

    static func load(_ req: Request, _ viewer: Viewer) async throws -> ChangeRequestStore.Stored {
        guard let raw = req.parameters.get("id"), let id = Int64(raw),
              let stored = try await ChangeRequestStore.find(id, scope: viewer.scope, on: req.db) else {
            throw Abort(.notFound, reason: "没有这个变更申请 / no such change request")
        }
        return stored
    }

    static func page(_ req: Request, _ viewer: Viewer, _ stored: ChangeRequestStore.Stored, message: String? = nil, status: HTTPStatus = .ok) -> Response {
        var probe = stored.request
        let canDecide = (try? probe.approve(by: viewer.user, now: Date())) != nil
        let pending: Bool = { if case .pending = stored.request.state { return true } else { return false } }()
        return .html(ChangeShowView.render(.init(stored: stored, csrf: viewer.csrfToken ?? "", canDecide: canDecide,
                                                 canWithdraw: pending && stored.request.requester == viewer.user.username, message: message),
                                           chrome: req.chrome), status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        return page(req, viewer, try await load(req, viewer))
    }

    @Sendable static func approve(req: Request) async throws -> Response {
        try await decide(req) { .approve(note: (try? req.content.get(String.self, at: "note")).flatMap { $0.isEmpty ? nil : $0 }) }
    }

    @Sendable static func giveBack(req: Request) async throws -> Response {
        try await decide(req) { .giveBack(reason: (try? req.content.get(String.self, at: "reason")) ?? "") }
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        try await decide(req) { .withdraw }
    }

    static func decide(_ req: Request, _ action: () -> ChangeRequestStore.Action) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let stored = try await load(req, viewer)
        do {
            _ = try await ChangeRequestStore.decide(stored.id, action(), by: viewer.user, ip: req.clientIP, now: Date(), on: req.db)
            return req.redirect(to: "/changes/\(stored.id)")
        } catch let e as ChangeRequestError {
            return page(req, viewer, stored, message: e.message, status: .forbidden)
        } catch let c as HouseholdEditor.Conflict {
            return page(req, viewer, stored, message: c.message, status: .conflict)
        } catch let e as HouseholdEditor.MemberElsewhere {
            return page(req, viewer, stored, message: e.description, status: .conflict)
        }
    }
}
