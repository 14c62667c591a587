import Foundation
import NIOCore
import TuopinDomain
import TuopinStore
import Vapor

/// Password checks of sign-ins run on the application's thread pool, not on the event loops, and at most one
/// per core but one at a time: a flood of sign-ins (bcrypt, ~0.25 s each) no longer stalls every page and API
/// call (issue #19 item 4: an unrelated API call waited 8.2 s). When too many wait, a sign-in is told to try
/// again at once rather than queue without end.
enum PasswordGate {
    /// Sign-ins that may wait for a place before the next is refused as busy.
    static let maxWaiting = 32

    /// Refuses a sign-in at once when too many already wait for a password check.
    static func checkCapacity(on app: Application) async throws {
        if await app.passwordGate.waiting >= maxWaiting {
            throw Refused(.busy, "登录请求过多，请稍后再试", "too many sign-ins at once; try again shortly")
        }
    }

    static func verify(_ password: String, hash: String, on app: Application) async -> Bool {
        await app.passwordGate.holding {
            (try? await app.threadPool.runIfActive { Passwords.verify(password, hash: hash) }) ?? false
        }
    }

    /// A bcrypt hash of the given cost that matches no password anyone types: what an attempt on an unknown,
    /// disabled or locked account is checked against, so that it takes as long as a wrong password.
    static func decoy(cost: Int) -> String {
        decoyLock.withLock {
            if let kept = decoys[cost] { return kept }
            let made = (try? Passwords.hash(Secrets.token(), cost: cost)) ?? ""
            decoys[cost] = made
            return made
        }
    }

    nonisolated(unsafe) private static var decoys: [Int: String] = [:]
    private static let decoyLock = NSLock()
}

extension Application {
    private struct GateKey: StorageKey { typealias Value = AsyncSemaphore }
    /// The places for password checks: one per core but one.
    var passwordGate: AsyncSemaphore {
        if let kept = storage[GateKey.self] { return kept }
        let made = AsyncSemaphore(limit: max(1, System.coreCount - 1))
        storage[GateKey.self] = made
        return made
    }
}
