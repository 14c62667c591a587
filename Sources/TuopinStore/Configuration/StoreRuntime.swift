import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix

/// The registry's databases for a command-line job (the web server uses Vapor's own).
/// Open one, use `database`, and `shutdown()` when done.
public final class StoreRuntime: Sendable {
    public let databases: Databases
    public let url: DatabaseURL
    public let logger: Logger

    public init(url: DatabaseURL, logger: Logger = StoreRuntime.quietLogger) throws {
        self.url = url
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try url.configuration(), as: .registry, isDefault: true)
    }

    /// Warnings and errors only: a command's own output is what people read.
    public static var quietLogger: Logger {
        var l = Logger(label: "tuopin.store")
        l.logLevel = .warning
        return l
    }

    public var database: any Database {
        databases.database(.registry, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// Brings the schema up to date (safe to run again).
    public func migrate() async throws {
        let migrations = Migrations()
        migrations.add(RegistryMigrations.all, to: .registry)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        try await SQLiteJournal.useWriteAheadLog(url, on: database)
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}

extension DatabaseID {
    /// The registry database.
    public static let registry = DatabaseID(string: "registry")
}
