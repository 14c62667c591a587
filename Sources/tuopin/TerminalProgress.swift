import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error, redrawn in place on a terminal and silent elsewhere.
final class TerminalProgress: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var last = Date.distantPast

    func update(_ text: String, force: Bool = false) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard force || now.timeIntervalSince(last) > 0.1 else { return }
        last = now
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

/// Lines for people: to standard error, so that standard output stays data.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
