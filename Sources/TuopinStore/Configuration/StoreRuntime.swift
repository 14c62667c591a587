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
    /// The one event loop every use runs on, for a loading job (nil: any loop).
    let pinnedLoop: (any EventLoop)?

    /// `forLoading`: every query of this runtime goes through one event loop, and so (for SQLite, one
    /// connection per loop) through one connection. A large load leaves write-ahead logging for the
    /// rollback journal (`SQLiteJournal.withRollbackJournal`), which SQLite allows only to the file's sole
    /// connection: an idle second pooled connection in WAL mode keeps its shared lock, and a 100,000-household
    /// load then went through a 283 MB log (issue #19 item 15).
    public init(url: DatabaseURL, logger: Logger = StoreRuntime.quietLogger, forLoading: Bool = false) throws {
        self.url = url
        self.logger = logger
        pinnedLoop = forLoading ? MultiThreadedEventLoopGroup.singleton.next() : nil
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try url.configuration(), as: .registry, isDefault: true)
    }

    var loop: any EventLoop { pinnedLoop ?? MultiThreadedEventLoopGroup.singleton.any() }

    /// Warnings and errors only: a command's own output is what people read.
    public static var quietLogger: Logger {
        var l = Logger(label: "tuopin.store")
        l.logLevel = .warning
        return l
    }

    public var database: any Database {
        databases.database(.registry, logger: logger, on: loop)!
    }

    /// Brings the schema up to date (safe to run again).
    public func migrate() async throws {
        let migrations = Migrations()
        migrations.add(RegistryMigrations.all, to: .registry)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: loop)
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
