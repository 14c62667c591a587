import Fluent
import TuopinStore
import Vapor

/// Configures a Vapor application to serve the registry.
public enum WebApp {
    public static func configure(_ app: Application, database: DatabaseURL, settings: WebSettings = WebSettings(), migrate: Bool = true) async throws {
        app.webSettings = settings
        app.currentReads = CurrentReadCache()
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPageMiddleware())
        app.databases.use(try database.configuration(), as: .registry, isDefault: true)
        app.migrations.add(RegistryMigrations.all, to: .registry)
        app.registryDatabaseKind = database.isPostgres ? "postgres" : "sqlite"
        if migrate { try await app.autoMigrate() }
        try await SQLiteJournal.useWriteAheadLog(database, on: app.db)
        routes(app)
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = WebSettings }
    public var webSettings: WebSettings {
        get { storage[SettingsKey.self] ?? WebSettings() }
        set { storage[SettingsKey.self] = newValue }
    }

    private struct KindKey: StorageKey { typealias Value = String }
    /// "sqlite" or "postgres", for /health.
    public var registryDatabaseKind: String {
        get { storage[KindKey.self] ?? "sqlite" }
        set { storage[KindKey.self] = newValue }
    }
}
