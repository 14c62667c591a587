import Fluent
import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// 用户管理 for administrators and county offices, within their area.
enum UserController {
    struct NewUserForm: Content {
        var username: String?
        var name: String?
        var unit: String?
        var phone: String?
        var role: String?
        var area: String?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let viewer = try req.require(.manageUsers)
        return .html(try await page(req, viewer: viewer))
    }

    static func page(_ req: Request, viewer: Viewer, form: [String: String] = [:], faults: [String: String] = [:], notice: String? = nil,
                     status: HTTPStatus = .ok) async throws -> HTML {
        let users = try await UserStore.list(in: viewer.scope, on: req.db)
        let roles = Role.allCases.filter { viewer.user.role == .administrator || $0 != .administrator }
        return UserListView.render(.init(users: users, form: form, faults: faults, notice: notice, csrf: viewer.csrfToken ?? "", roles: roles),
                                   chrome: req.chrome)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.require(.manageUsers)
        let f = try req.content.decode(NewUserForm.self)
        let form = ["username": f.username ?? "", "name": f.name ?? "", "unit": f.unit ?? "", "phone": f.phone ?? "",
                    "role": f.role ?? "", "area": f.area ?? ""].mapValues { $0.trimmingCharacters(in: .whitespaces) }
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
        if faults.isEmpty, !viewer.user.mayManage(user) {
            faults["area"] = "只能在本人所辖区划内新建用户，且只有系统管理员能新建管理员 / you may add users only within your own area, and only an administrator adds administrators"
        }
        guard faults.isEmpty else { return .html(try await page(req, viewer: viewer, form: form, faults: faults), status: .unprocessableEntity) }
        let password = Secrets.password()
        do {
            try await UserStore.add(user, passwordHash: try Passwords.hash(password, cost: req.application.webSettings.bcryptCost),
                                    by: viewer.user.username, ip: req.clientIP, now: Date(), on: req.db)
        } catch let failure as UserStore.Failure {
            return .html(try await page(req, viewer: viewer, form: form, faults: ["username": failure.description]), status: .unprocessableEntity)
        }
        return .html(try await page(req, viewer: viewer, notice: "已新建用户 \(user.username)，初始密码：\(password)（只显示这一次，请当面交给本人） / initial password shown once"))
    }

    @Sendable static func disable(req: Request) async throws -> Response { try await change(req, disabled: true) }
    @Sendable static func enable(req: Request) async throws -> Response { try await change(req, disabled: false) }

    static func target(_ req: Request, viewer: Viewer) async throws -> User {
        guard let name = req.parameters.get("username"), let account = try await UserStore.find(username: name, on: req.db),
              viewer.user.mayManage(account.user) else { throw Abort(.notFound, reason: "没有这个用户 / no such user") }
        return account.user
    }

    static func change(_ req: Request, disabled: Bool) async throws -> Response {
        let viewer = try req.require(.manageUsers)
        let user = try await target(req, viewer: viewer)
        try await UserStore.setDisabled(user.username, disabled, by: viewer.user.username, ip: req.clientIP, now: Date(), on: req.db)
        return req.redirect(to: "/users")
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let viewer = try req.require(.manageUsers)
        let user = try await target(req, viewer: viewer)
        let password = Secrets.password()
        try await UserStore.setPassword(user.username, hash: try Passwords.hash(password, cost: req.application.webSettings.bcryptCost),
                                        by: viewer.user.username, ip: req.clientIP, now: Date(), on: req.db)
        return .html(try await page(req, viewer: viewer, notice: "已重设 \(user.username) 的密码：\(password)（只显示这一次） / new password shown once"))
    }
}
