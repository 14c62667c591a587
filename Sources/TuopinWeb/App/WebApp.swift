import Fluent
import TuopinStore
import Vapor

/// Configures a Vapor application to serve the registry.
public enum WebApp {
    public static func configure(_ app: Application, database: DatabaseURL, settings: WebSettings = WebSettings(), migrate: Bool = true) async throws {
        app.webSettings = settings
        app.currentReads = CurrentReadCache()
        _ = app.signInThrottle
        _ = app.passwordGate
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPageMiddleware())
        app.middleware.use(AddressLengthMiddleware())
        app.middleware.use(OriginCheckMiddleware())
        // A household form with many members is larger than Vapor's default of 16 KB.
        app.routes.defaultMaxBodySize = "1mb"
        app.databases.use(try database.configuration(), as: .registry, isDefault: true)
        app.migrations.add(RegistryMigrations.all, to: .registry)
        app.registryDatabaseKind = database.isPostgres ? "postgres" : "sqlite"
        if migrate { try await app.autoMigrate() }
        try await SQLiteJournal.useWriteAheadLog(database, on: app.db)
        app.registryFile = database.sqliteFilePath
        if let path = database.sqliteFilePath {
            // While the server runs, imports keep the write-ahead log so that its pages read on meanwhile.
            app.sqliteFileClaim = SQLiteFileClaim.shared(path) {
                app.logger.notice("等待正在进行的导入完成 / waiting for a load into \(path) to finish")
            }
            if app.sqliteFileClaim == nil {
                app.logger.warning("无法创建 \(path)-claim，导入时页面可能等待 / cannot create \(path)-claim: pages may wait while a large import writes")
            }
        }
        if let keyFile = settings.anchorKeyFile, let log = settings.anchorLog {
            // A key that cannot be read stops start-up, naming the file.
            app.lifecycle.use(AnchorSchedule(key: try AnchorKey.load(keyFile), log: log, interval: TimeInterval(settings.anchorHours * 3600)))
        }
        routes(app)
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = WebSettings }
    public var webSettings: WebSettings {
        get { storage[SettingsKey.self] ?? WebSettings() }
        set { storage[SettingsKey.self] = newValue }
    }

    private struct ClaimKey: StorageKey { typealias Value = SQLiteFileClaim }
    /// The server's shared claim on its SQLite file, held for as long as the application lives.
    var sqliteFileClaim: SQLiteFileClaim? {
        get { storage[ClaimKey.self] }
        set { storage[ClaimKey.self] = newValue }
    }

    private struct FileKey: StorageKey { typealias Value = String }
    /// The registry's SQLite file (nil: PostgreSQL or memory): long scans read it directly, pages check its import lock.
    var registryFile: String? {
        get { storage[FileKey.self] }
        set { storage[FileKey.self] = newValue }
    }

    private struct KindKey: StorageKey { typealias Value = String }
    /// "sqlite" or "postgres", for /health.
    public var registryDatabaseKind: String {
        get { storage[KindKey.self] ?? "sqlite" }
        set { storage[KindKey.self] = newValue }
    }
}
