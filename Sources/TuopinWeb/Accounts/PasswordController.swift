import TuopinDomain
import TuopinServices
import Vapor

/// 修改密码 — a signed-in user changes their own password; with a one-time password (a new account's, a
/// reset's) this is the only page that opens until it is done.
enum PasswordController {
    static let path = "/account/password"

    static func register(_ routes: any RoutesBuilder) {
        routes.get("account", "password", use: form)
        routes.post("account", "password", use: change)
    }

    /// What a user with a one-time password may still reach: this page, signing out, the stylesheet.
    static func allowedWhileChanging(_ request: Request) -> Bool {
        let p = request.url.path
        return p == path || p == "/logout" || p.hasPrefix("/assets/")
    }

    @Sendable static func form(req: Request) async throws -> Response {
        .html(PasswordView.render(model(req), chrome: req.chrome))
    }

    @Sendable static func change(req: Request) async throws -> Response {
        let ctx = try req.context
        let cost = req.application.webSettings.bcryptCost
        let result = try await UserService.changeOwnPassword(current: (try? req.content.get(String.self, at: "current")) ?? "",
                                                             new: (try? req.content.get(String.self, at: "new")) ?? "",
                                                             confirm: (try? req.content.get(String.self, at: "confirm")) ?? "",
                                                             session: req.viewer?.session?.id, verify: Passwords.verify,
                                                             hash: { try Passwords.hash($0, cost: cost) }, in: ctx)
        switch result {
        case .done:
            var m = model(req)
            m.notice = "密码已修改 / your password was changed"
            m.oneTime = false
            return .html(PasswordView.render(m, chrome: req.chrome))
        case .rejected(let r):
            var m = model(req)
            m.faults = r.faults
            return .html(PasswordView.render(m, chrome: req.chrome), rejected: r.kind)
        }
    }

    static func model(_ req: Request) -> PasswordView.Model {
        PasswordView.Model(csrf: req.viewer?.csrfToken ?? "", oneTime: req.viewer?.session?.account.mustChangePassword ?? false)
    }
}
