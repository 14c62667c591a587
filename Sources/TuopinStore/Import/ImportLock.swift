import FluentKit
import Foundation
import SQLKit
import TuopinDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 导入锁 — one import at a time into a registry. A second import started while one runs is told so at once,
/// with who started the first and when, instead of reading its whole file and failing on SQLite's "database
/// is locked" after the busy timeout (or, worse, making the first fail). A SQLite file is locked with `flock`
/// on a file beside it (`<file>-import`, which also holds who has it); PostgreSQL with a session advisory
/// lock held on one connection, on which the import then runs. The operating system and PostgreSQL release
/// the lock when the process or connection ends, however it ends. An in-memory database has one process.
public enum ImportLock {
    /// The advisory-lock key for PostgreSQL ("tuopin" + 1).
    static let advisoryKey: Int64 = 0x7475_6f70_696e_01

    /// Runs `body` holding the registry's import lock, on the database it should use.
    public static func holding<T: Sendable>(_ file: String?, on db: any Database, actor: String, now: Date,
                                            _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let file { return try await holdingFile(file, actor: actor, now: now) { try await body(db) } }
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return try await body(db) }
        return try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            let got = try await sql.raw("SELECT pg_try_advisory_lock(\(bind: advisoryKey)) AS got").first()?.decode(column: "got", as: Bool.self)
            guard got == true else { throw busy(holder: nil) }
            do {
                let result = try await body(connection)
                _ = try? await sql.raw("SELECT pg_advisory_unlock(\(bind: advisoryKey))").run()
                return result
            } catch {
                _ = try? await sql.raw("SELECT pg_advisory_unlock(\(bind: advisoryKey))").run()
                throw error
            }
        }
    }

    /// Whether an import holds the lock now (a page that must write, e.g. to log a view of whole ID
    /// numbers, would wait for the import to commit).
    public static func isHeld(_ file: String?, on db: any Database) async throws -> Bool {
        if let file {
            let fd = open(file + "-import", O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { _ = close(fd) }
            guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return true }
            _ = flock(fd, LOCK_UN)
            return false
        }
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return false }
        // A 64-bit key is held as classid (high half) and objid (low half).
        let held = try await sql.raw("""
            SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = \(bind: Int64(advisoryKey >> 32)) AND objid::bigint = \(bind: Int64(advisoryKey & 0xFFFF_FFFF))
            """).first()?.decode(column: "n", as: Int.self)
        return (held ?? 0) > 0
    }

    private static func holdingFile<T>(_ file: String, actor: String, now: Date, _ body: () async throws -> T) async throws -> T {
        let path = file + "-import"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return try await body() }   // a read-only directory: SQLite itself will refuse the write
        defer { _ = close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            throw busy(holder: (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { _ = ftruncate(fd, 0); _ = flock(fd, LOCK_UN) }
        let stamp = ISO8601DateFormatter().string(from: now)
        let holder = "\(actor) \(stamp) pid \(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = holder.withCString { pwrite(fd, $0, strlen($0), 0) }
        return try await body()
    }

    static func busy(holder: String?) -> Refused {
        let who = holder.flatMap { $0.isEmpty ? nil : $0 }.map { "（\($0)）" } ?? ""
        return Refused(.conflict, "另一个导入正在进行\(who)，本次未读取也未写入；请等它结束后再导入",
                       "another import is running\(holder.map { " (\($0))" } ?? ""); this one read and wrote nothing; import again when it has finished")
    }
}
