import Foundation

/// 登录锁定 — after a number of failed sign-ins in a row an account is locked for a while.
/// Defaults: 5 failures, 15 minutes (issue #3).
public struct SignInPolicy: Sendable, Equatable {
    public var maxFailures: Int
    public var lockDuration: TimeInterval

    public init(maxFailures: Int = 5, lockDuration: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.lockDuration = lockDuration
    }

    /// Whether an account locked until `lockedUntil` is locked at `now`.
    public func isLocked(lockedUntil: Date?, now: Date) -> Bool {
        guard let until = lockedUntil else { return false }
        return now < until
    }

    /// The failure count and lock after one more failure.
    public func afterFailure(failures: Int, now: Date) -> (failures: Int, lockedUntil: Date?) {
        let n = failures + 1
        return n >= maxFailures ? (0, now.addingTimeInterval(lockDuration)) : (n, nil)
    }
}
