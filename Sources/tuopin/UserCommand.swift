import ArgumentParser
import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore
import TuopinWeb

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "管理用户 / Manage user accounts.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self, Unlock.self, Token.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建用户（未给密码则生成一个并显示） / Add a user (a password is generated and shown unless given).",
            discussion: "角色 / roles: " + Role.allCases.map { "\($0.key)=\($0.rawValue)" }.joined(separator: ", ")
        )
        @Argument(help: "登录名 / username (3–32 lower-case letters, digits, . _ -)") var username: String
        @Option(help: "姓名 / full name") var name: String
        @Option(help: "单位 / unit") var unit: String
        @Option(help: "角色 / role (admin, county, township, village, cadre, inspector, leader, evaluator)") var role: String
        @Option(help: ArgumentHelp("所属区划代码 / area code (6, 9 or 12 digits)", valueName: "CODE")) var area: String?
        @Option(help: "联系电话 / phone") var phone: String?
        @Option(help: "密码（至少8位；省略则自动生成） / password (at least 8 characters; generated if omitted)") var password: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard Role.parse(role) != nil else { throw ValidationError("--role 无效，应为 / --role must be one of: " + Role.allCases.map(\.key).joined(separator: ", ")) }
            if let a = area, AreaCode(a) == nil { throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit code") }
            if let p = password, let fault = Passwords.faults(p) { throw ValidationError(fault) }
        }

        func run() async throws {
            let user = User(username: username, name: name, unit: unit, phone: phone, role: Role.parse(role)!, area: area.flatMap(AreaCode.init))
            let faults = user.faults()
            guard faults.isEmpty else { throw ValidationError(faults.keys.sorted().map { faults[$0]! }.joined(separator: "\n")) }
            let secret = password ?? Secrets.password()
            let hash = try Passwords.hash(secret)
            let result = try await database.run { ctx in try await UserService.add(user, passwordHash: hash, oneTime: password == nil, in: ctx) }
            if case .rejected(let r) = result {
                throw CommandFailure((r.faults.keys.sorted().compactMap { r.faults[$0] } + [r.message].compactMap { $0 }).joined(separator: "\n"))
            }
            note("已新建用户 / user added: \(username)（\(user.role.rawValue)\(user.area.map { "，\($0.prefix)" } ?? "")）")
            if password == nil { print("一次性密码（首次登录须修改） / one-time password (to be changed at the first sign-in): \(secret)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出用户 / List users.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            let (users, _, locked) = try await database.run { ctx in try await UserService.list(in: ctx) }
            print("登录名\t姓名\t单位\t角色\t区划\t状态")
            for u in users {
                let state = u.disabled ? "已停用" : locked[u.username].map { "已锁定至 \($0) / locked until \($0)" } ?? "正常"
                print([u.username, u.name, u.unit, u.role.rawValue, u.area?.prefix ?? "—", state].joined(separator: "\t"))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用用户（并结束其会话） / Disable a user (and end their sessions).")
        @Argument var username: String
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            try await database.run { ctx in try await UserService.setDisabled(username, true, in: ctx) }
            note("已停用 / disabled: \(username)")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "恢复用户 / Enable a user again.")
        @Argument var username: String
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            try await database.run { ctx in try await UserService.setDisabled(username, false, in: ctx) }
            note("已恢复 / enabled: \(username)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "重设一次性密码（并解除锁定；下次登录须修改） / Reset to a one-time password (and lift a lock; it must be changed at the next sign-in).")
        @Argument var username: String
        @Option(help: "新密码（省略则自动生成） / the new password (generated if omitted)") var password: String?
        @OptionGroup var database: DatabaseOptions
        func validate() throws { if let p = password, let fault = Passwords.faults(p) { throw ValidationError(fault) } }
        func run() async throws {
            let secret = password ?? Secrets.password()
            let hash = try Passwords.hash(secret)
            try await database.run { ctx in try await UserService.resetPassword(username, hash: hash, in: ctx) }
            note("已重设密码 / password reset: \(username)")
            print("一次性密码（下次登录须修改） / one-time password (to be changed at the next sign-in): \(secret)")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "解除登录锁定（例如管理员被他人连续输错密码锁定时） / Lift a sign-in lock (e.g. an administrator locked out by someone else's guesses).",
            discussion: "在服务器上运行；记入操作痕迹。 / Run on the server; recorded in the audit trail.")
        @Argument var username: String
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            try await database.run { ctx in try await UserService.unlock(username, in: ctx) }
            note("已解除锁定 / unlocked: \(username)")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为脚本发放或撤销 API 令牌 / Issue or revoke API tokens for scripts.")
        @Argument var username: String
        @Flag(help: "撤销该用户的全部令牌 / revoke all of the user's tokens") var revoke = false
        @Option(help: "令牌用途说明 / what the token is for") var label = "script"
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            if revoke {
                let n = try await database.run { ctx in try await UserService.revokeTokens(of: username, in: ctx) }
                note("已撤销 / revoked: \(n)")
            } else {
                let token = try await database.run { ctx in try await UserService.issueToken(for: username, label: label, in: ctx) }
                note("请妥善保存，令牌只显示这一次 / keep it safe: the token is shown only once")
                print(token)
            }
        }
    }
}
