import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinWeb

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "生成并打开演示县（约2万户） / Create a demo county of about 20,000 households, if absent, and serve it.",
        discussion: "演示库默认为当前目录下的 tuopin-demo.sqlite；已存在则直接打开。 / The demo database defaults to tuopin-demo.sqlite; if it exists it is served as it is."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: "演示县户数 / households in the demo county")
    var households = 20_000
    @Option(help: ArgumentHelp("演示县代码（默认东兰县） / the demo county's code (default 451224, 东兰县)", valueName: "CODE"))
    var county = "451224"
    @Option(help: "监听地址 / address to listen on")
    var host = "127.0.0.1"
    @Option(help: "端口 / port")
    var port = 8080

    func validate() throws {
        guard AreaCode(county)?.level == .county else { throw ValidationError("--county 应为6位县级代码 / --county must be a 6-digit county code") }
        guard households > 0 else { throw ValidationError("--households 应为正数 / --households must be positive") }
    }

    func run() async throws {
        let url = try database.resolve(default: .sqliteFile(path: "tuopin-demo.sqlite"))
        try await database.run(default: url) { ctx in
            try await createCountyIfAbsent(in: ctx)
            try await createAccountsIfAbsent(url: url, in: ctx)
        }
        try await Server.run(database: url, host: host, port: port)
    }

    private func createCountyIfAbsent(in ctx: ServiceContext) async throws {
        let existing = try await HouseholdStore.count(on: ctx.db)
        guard existing == 0 else {
            note("使用已有的演示库 / using the existing demo database (\(existing) 户 households)")
            return
        }
        note("生成演示县 / creating the demo county: \(households) 户 households …")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-demo-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var generator = try RegistryGenerator(options: GeneratorOptions(households: households, seed: 2016, county: AreaCode(county)!, year: 2016))
        _ = try generator.write(to: file)
        let progress = TerminalProgress()
        let outcome = try await ImportService.registry(file, county: AreaCode(county), dryRun: false, sheet: nil, in: ctx) { step in
            if case .writing(let d, let t) = step { progress.update("导入 / loading: \(d)/\(t)") }
        }
        progress.finish()
        guard outcome.written else {
            throw CommandFailure("演示数据导入失败：\(outcome.issues.prefix(3).map(\.message))", "the demo data did not load")
        }
        note("演示县已就绪 / demo county ready: \(outcome.households) 户, \(outcome.members) 人")
    }

    private func createAccountsIfAbsent(url: DatabaseURL, in ctx: ServiceContext) async throws {
        guard try await UserStore.count(on: ctx.db) == 0 else {
            note("演示库已有账号；忘记密码可用 tuopin user reset-password admin --db \(url) / accounts exist; reset with tuopin user reset-password admin")
            return
        }
        let password = Secrets.password()
        let hash = try Passwords.hash(password)
        for user in [User(username: "admin", name: "演示管理员", unit: "东兰县扶贫办（演示）", role: .administrator, area: nil),
                     User(username: "county", name: "演示县扶贫办", unit: "县扶贫办（演示）", role: .countyOffice, area: AreaCode(county))] {
            if case .rejected(let r) = try await UserService.add(user, passwordHash: hash, oneTime: false, in: ctx) {
                throw CommandFailure("演示账号未建立：\(r.faults.values.sorted().joined(separator: "；"))", "the demo accounts were not created")
            }
        }
        note("演示账号 / demo accounts: admin（系统管理员）和 county（县扶贫办），密码 / password: \(password)")
        print("登录 / sign in: admin / \(password)")
    }
}
