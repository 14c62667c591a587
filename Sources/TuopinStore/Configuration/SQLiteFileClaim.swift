import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 文件占用 — who is using a registry's SQLite file, told by an advisory lock (`flock`) on a small file
/// beside it (`<file>-claim`): the web server holds a shared claim while it runs; a large load that gets
/// the exclusive claim knows no server is reading the file. The lock is on a file of its own because
/// closing any descriptor of the database file itself would drop SQLite's own (POSIX) locks on it.
/// The operating system releases a claim when its process ends, however it ends.
public final class SQLiteFileClaim: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }

    /// The server's shared claim; waits while a load holds the exclusive one (calling `waiting` first).
    public static func shared(_ databasePath: String, waiting: () -> Void = {}) -> SQLiteFileClaim? {
        if let claim = claim(databasePath, LOCK_SH | LOCK_NB) { return claim }
        waiting()
        return claim(databasePath, LOCK_SH)
    }

    /// The exclusive claim, or nil at once when anyone else holds a claim.
    public static func exclusive(_ databasePath: String) -> SQLiteFileClaim? {
        claim(databasePath, LOCK_EX | LOCK_NB)
    }

    private static func claim(_ databasePath: String, _ operation: Int32) -> SQLiteFileClaim? {
        let fd = open(databasePath + "-claim", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, operation) == 0 else {
            _ = close(fd)
            return nil
        }
        return SQLiteFileClaim(descriptor: fd)
    }
}
