import Foundation
import TuopinDomain

/// Settings of the web application, read once at start.
public struct WebSettings: Sendable {
    /// Failed sign-ins before a lock, and its length (TUOPIN_LOCK_FAILURES, TUOPIN_LOCK_MINUTES).
    public var signIn: SignInPolicy
    /// bcrypt cost for new passwords (TUOPIN_BCRYPT_COST; 12 by default).
    public var bcryptCost: Int
    /// How long a session lasts (hours, TUOPIN_SESSION_HOURS; 12 by default).
    public var sessionLifetime: TimeInterval

    public init(signIn: SignInPolicy = SignInPolicy(), bcryptCost: Int = 12, sessionLifetime: TimeInterval = 12 * 3600) {
        self.signIn = signIn
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// From the environment; a bad value stops start-up with a message naming it.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> WebSettings {
        func int(_ key: String, _ range: ClosedRange<Int>, _ fallback: Int) throws -> Int {
            guard let text = env[key] else { return fallback }
            guard let v = Int(text), range.contains(v) else {
                throw Invalid(description: "环境变量 \(key)=\(text) 无效，应为 \(range.lowerBound)–\(range.upperBound) 的整数 / \(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return v
        }
        return WebSettings(signIn: SignInPolicy(maxFailures: try int("TUOPIN_LOCK_FAILURES", 1...100, 5),
                                                lockDuration: TimeInterval(try int("TUOPIN_LOCK_MINUTES", 1...10_080, 15) * 60)),
                           bcryptCost: try int("TUOPIN_BCRYPT_COST", 4...16, 12),
                           sessionLifetime: TimeInterval(try int("TUOPIN_SESSION_HOURS", 1...720, 12) * 3600))
    }
}
