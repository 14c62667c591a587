import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import TuopinDomain

/// Where the registry lives: a SQLite file (the default, `tuopin.sqlite` in the working directory)
/// or a PostgreSQL server. Given as `--db URL` or `TUOPIN_DATABASE_URL`.
///
/// Accepted: `sqlite:///abs/path.sqlite`, `sqlite://relative.sqlite`, `sqlite::memory:`, a bare file
/// path ending in .sqlite/.db, and `postgres://user:password@host:port/database` (or `postgresql://`).
public enum DatabaseURL: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultValue = DatabaseURL.sqliteFile(path: "tuopin.sqlite")
    public static let environmentVariable = "TUOPIN_DATABASE_URL"

    public struct Invalid: Refusal {
        public let text: String
        public var kind: RefusalKind { .misconfigured }
        public var chinese: String { "数据库地址“\(text)”无法识别，应为 sqlite:///路径、文件名.sqlite 或 postgres://用户:密码@主机:端口/库名" }
        public var english: String { "database URL '\(text)' is not understood; use sqlite:///path, FILE.sqlite or postgres://user:password@host:port/database" }
        public var field: String? { "--db" }
    }

    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t == "sqlite::memory:" || t == ":memory:" { self = .sqliteMemory; return }
        if t.hasPrefix("postgres://") || t.hasPrefix("postgresql://") {
            guard let u = URL(string: t), u.host != nil, u.path.count > 1 else { throw Invalid(text: text) }
            self = .postgres(url: t)
            return
        }
        if t.hasPrefix("sqlite://") {
            let path = String(t.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Invalid(text: text) }
            self = .sqliteFile(path: path)
            return
        }
        if !t.contains("://"), !t.isEmpty { self = .sqliteFile(path: t); return }
        throw Invalid(text: text)
    }

    /// The database named by an option, else the environment, else the default file.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL {
        if let o = option, !o.isEmpty { return try DatabaseURL(parsing: o) }
        if let e = environment[environmentVariable], !e.isEmpty { return try DatabaseURL(parsing: e) }
        return defaultValue
    }

    public var isPostgres: Bool { if case .postgres = self { true } else { false } }

    /// The SQLite file, when the registry is one (for readers that open it directly).
    public var sqliteFilePath: String? { if case .sqliteFile(let path) = self { path } else { nil } }

    /// The Fluent configuration for this database. A request waits up to 30 s for a pooled connection (the
    /// drivers' default is 10 s): on a loaded server, or a PostgreSQL slow to open connections, a page that
    /// waits is better than a page that fails (the test suite, many apps on one small cluster, hit the 10 s).
    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path): .sqlite(.file(path), connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace)
        case .sqliteMemory: .sqlite(.memory, connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace)
        case .postgres(let url): try .postgres(url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace)
        }
    }

    /// The address with any password hidden, for messages.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            if var c = URLComponents(string: url), c.password != nil { c.password = "***"; return c.string ?? "postgres://…" }
            return url
        }
    }
}
