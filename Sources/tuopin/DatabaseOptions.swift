import ArgumentParser
import TuopinStore

/// `--db URL`, shared by every command that reads or writes data.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("数据库地址 / database URL: sqlite:///path.sqlite, FILE.sqlite or postgres://user:pass@host:port/db (default: $TUOPIN_DATABASE_URL, else tuopin.sqlite)", valueName: "URL"))
    var url: String?

    func resolve(default fallback: DatabaseURL = .defaultValue) throws -> DatabaseURL {
        do {
            if url == nil, ProcessInfo.processInfo.environment[DatabaseURL.environmentVariable] == nil { return fallback }
            return try DatabaseURL.resolve(option: url)
        } catch let e as DatabaseURL.Invalid {
            throw ValidationError(e.description)
        }
    }

    /// Opens the database and brings its schema up to date.
    func open(default fallback: DatabaseURL = .defaultValue) async throws -> StoreRuntime {
        let url = try resolve(default: fallback)
        let runtime = try StoreRuntime(url: url)
        do {
            try await runtime.migrate()
        } catch {
            await runtime.shutdown()
            throw CommandFailure("无法打开数据库 \(url)：\(error) / cannot open the database \(url): \(error)")
        }
        return runtime
    }
}

import Foundation
