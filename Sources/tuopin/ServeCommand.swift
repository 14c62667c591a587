import ArgumentParser
import TuopinStore
import TuopinWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动网页和接口服务 / Serve the pages and the JSON API."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: "监听地址 / address to listen on")
    var host = "127.0.0.1"
    @Option(help: "端口 / port")
    var port = 8080
    @OptionGroup var standardsOption: StandardsOption

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port 应为 1–65535 / --port must be 1 to 65535") }
    }

    func run() async throws {
        let url = try database.resolve()
        let runtime = try await database.open()
        let users = try await UserStore.count(on: runtime.database)
        await runtime.shutdown()
        if users == 0 {
            note("还没有任何账号，请先创建系统管理员 / no accounts yet; create the first administrator with:\n  tuopin user add admin --name 管理员 --unit 县扶贫办 --role admin --db \(url)")
        }
        try await Server.run(database: url, host: host, port: port, standardsFile: standardsOption.standards)
    }
}

/// Runs the web server until interrupted.
enum Server {
    /// A faulty setting or standards file stops start-up with a message naming it.
    static func run(database: DatabaseURL, host: String, port: Int, standardsFile: String? = nil) async throws {
        do {
            let settings = try WebSettings.fromEnvironment(standardsFile: standardsFile)
            try await WebServer.run(database: database, host: host, port: port, settings: settings) {
                note("Tuopin 已启动 / serving \(database): http://\(host):\(port)/  (Ctrl-C 停止 / to stop)")
            }
        } catch {
            throw CommandFailure("服务启动失败 / the server could not start: \(error)")
        }
    }
}
