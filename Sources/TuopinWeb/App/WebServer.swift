import TuopinStore
import Vapor

/// Runs the server until it is interrupted.
public enum WebServer {
    public static func run(database: DatabaseURL, host: String, port: Int, settings: WebSettings, onReady: @Sendable () -> Void) async throws {
        var env = Environment(name: "production", arguments: ["tuopin"])
        env.commandInput.arguments = ["serve"]
        let app = try await Application.make(env)
        app.http.server.configuration.hostname = host
        app.http.server.configuration.port = port
        do {
            try await WebApp.configure(app, database: database, settings: settings)
            onReady()
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
