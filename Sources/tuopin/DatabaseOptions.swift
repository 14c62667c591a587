import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
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

    /// Opens the database and brings its schema up to date; `forLoading` keeps to one connection, so that a
    /// large load can leave the write-ahead log (`StoreRuntime.init(url:logger:forLoading:)`).
    func open(default fallback: DatabaseURL = .defaultValue, forLoading: Bool = false) async throws -> StoreRuntime {
        let url = try resolve(default: fallback)
        let runtime = try StoreRuntime(url: url, forLoading: forLoading)
        do {
            try await runtime.migrate()
        } catch {
            await runtime.shutdown()
            throw CommandFailure("无法打开数据库 \(url)：\(error)", "cannot open the database \(url): \(error)")
        }
        return runtime
    }

    /// Opens the database, runs `body` as the operator at the command line (every use case checks and records
    /// what it does as "命令行"), and closes the database whatever happens. A refusal is printed as it is.
    func run<T>(standards: StandardSet = StandardsCatalog.shipped, default fallback: DatabaseURL = .defaultValue, forLoading: Bool = false,
                _ body: (ServiceContext) async throws -> T) async throws -> T {
        let matching: MatchRules
        do { matching = try MatchFiles.fromEnvironment(ProcessInfo.processInfo.environment) } catch let f as MatchFiles.Fault {
            throw CommandFailure(f.chinese, f.english)
        }
        let runtime = try await open(default: fallback, forLoading: forLoading)
        var ctx = ServiceContext.commandLine(db: runtime.database, standards: standards, registryFile: runtime.url.sqliteFilePath)
        ctx.matching = matching
        do {
            let result = try await body(ctx)
            await runtime.shutdown()
            return result
        } catch {
            await runtime.shutdown()
            throw error
        }
    }
}
