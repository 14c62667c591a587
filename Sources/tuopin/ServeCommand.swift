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

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port 应为 1–65535 / --port must be 1 to 65535") }
    }

    func run() async throws {
        try await Server.run(database: try database.resolve(), host: host, port: port)
    }
}

/// Runs the web server until interrupted.
enum Server {
    static func run(database: DatabaseURL, host: String, port: Int) async throws {
        do {
            try await WebServer.run(database: database, host: host, port: port) {
                note("Tuopin 已启动 / serving \(database): http://\(host):\(port)/  (Ctrl-C 停止 / to stop)")
            }
        } catch {
            throw CommandFailure("服务启动失败 / the server could not start: \(error)")
        }
    }
}
