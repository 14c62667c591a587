import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// 用户管理 for administrators and county offices, within their area.
enum UserController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("users", use: index)
        routes.post("users", use: create)
        routes.post("users", ":username", "disable", use: disable)
        routes.post("users", ":username", "enable", use: enable)
        routes.post("users", ":username", "reset-password", use: resetPassword)
        routes.post("users", ":username", "unlock", use: unlock)
        routes.get("users", ":username", "confirm", ":action", use: confirm)
    }

    /// The question before a destructive click: disable, enable, reset whose password.
    @Sendable static func confirm(req: Request) async throws -> Response {
        guard let action = req.parameters.get("action").flatMap(UserConfirmView.Action.init(rawValue:)) else {
            throw Refused.notFound("没有这项操作", "no such action")
        }
        let user = try await UserService.manageable(req.parameters.get("username") ?? "", in: try req.context)
        return .html(UserConfirmView.render(.init(user: user, action: action, csrf: req.viewer?.csrfToken ?? ""), chrome: req.chrome))
    }

    @Sendable static func index(req: Request) async throws -> Response {
        .html(try await page(req))
    }

    static func page(_ req: Request, form: [String: String] = [:], faults: [String: String] = [:], notice: String? = nil) async throws -> HTML {
        let (users, roles, locked) = try await UserService.list(in: try req.context)
        return UserListView.render(.init(users: users, form: form, faults: faults, notice: notice, csrf: req.viewer?.csrfToken ?? "", roles: roles,
                                         locked: locked.mapValues(LockTime.text)),
                                   chrome: req.chrome)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let ctx = try req.context
        let form = ["username", "name", "unit", "phone", "role", "area"].reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        var faults: [String: String] = [:]
        let role = Role.parse(form["role"]!)
        if role == nil { faults["role"] = "请选择角色 / choose a role" }
        var area: AreaCode?
        if !form["area"]!.isEmpty {
            area = AreaCode(form["area"]!)
            if area == nil { faults["area"] = "区划代码应为6、9或12位数字 / the area code must have 6, 9 or 12 digits" }
        }
        let user = User(username: form["username"]!, name: form["name"]!, unit: form["unit"]!,
                        phone: form["phone"]!.isEmpty ? nil : form["phone"], role: role ?? .leader, area: area)
        faults.merge(user.faults()) { a, _ in a }
        guard faults.isEmpty else { return .html(try await page(req, form: form, faults: faults), status: .unprocessableEntity) }
        let password = Secrets.password()
        let hash = try Passwords.hash(password, cost: req.application.webSettings.bcryptCost)
        switch try await UserService.add(user, passwordHash: hash, oneTime: true, in: ctx) {
        case .done:
            return .html(try await page(req, notice: "已新建用户 \(user.username)，一次性密码：\(password)（只显示这一次，请当面交给本人；首次登录须修改） / one-time password, shown once; it must be changed at the first sign-in"))
        case .rejected(let r):
            let shown = r.faults.isEmpty ? ["username": r.message ?? ""] : r.faults
            return .html(try await page(req, form: form, faults: shown), rejected: r.kind)
        }
    }

    @Sendable static func disable(req: Request) async throws -> Response { try await change(req, disabled: true) }
    @Sendable static func enable(req: Request) async throws -> Response { try await change(req, disabled: false) }

    static func change(_ req: Request, disabled: Bool) async throws -> Response {
        try await UserService.setDisabled(req.parameters.get("username") ?? "", disabled, in: try req.context)
        return req.redirect(to: "/users")
    }

    @Sendable static func unlock(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        try await UserService.unlock(username, in: try req.context)
        return .html(try await page(req, notice: "已解除 \(username) 的登录锁定 / the sign-in lock is lifted"))
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        let password = Secrets.password()
        try await UserService.resetPassword(username, hash: try Passwords.hash(password, cost: req.application.webSettings.bcryptCost),
                                            in: try req.context)
        return .html(try await page(req, notice: "已重设 \(username) 的密码，一次性密码：\(password)（只显示这一次；下次登录须修改） / one-time password, shown once; it must be changed at the next sign-in"))
    }
}

/// A lock's end as officials read it: local time to the minute.
enum LockTime {
    static func text(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "zh_CN")
        f.timeZone = .current
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
