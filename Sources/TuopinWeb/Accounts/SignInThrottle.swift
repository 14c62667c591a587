import Foundation
import Vapor

/// 登录限速 — failed sign-ins counted per address: past `limit` failures within `window`, the address is
/// answered at once (429) without a password check until the window has passed. With the per-account lock
/// this slows a guesser whether it tries one account hard or many accounts once (issue #19 item 4).
actor SignInThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 20, window: TimeInterval = 600) {
        self.limit = limit
        self.window = window
    }

    /// Whether `address` may try now.
    func allows(_ address: String?, now: Date = Date()) -> Bool {
        guard let address, let list = failures[address] else { return true }
        return list.filter { now.timeIntervalSince($0) < window }.count < limit
    }

    func failed(_ address: String?, now: Date = Date()) {
        guard let address else { return }
        var list = failures[address, default: []].filter { now.timeIntervalSince($0) < window }
        list.append(now)
        failures[address] = list
        if failures.count > 10_000 { failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
    }

    func succeeded(_ address: String?) {
        guard let address else { return }
        failures[address] = nil
    }
}

extension Application {
    private struct ThrottleKey: StorageKey { typealias Value = SignInThrottle }
    /// The application's own count of failed sign-ins by address.
    var signInThrottle: SignInThrottle {
        if let kept = storage[ThrottleKey.self] { return kept }
        let made = SignInThrottle()
        storage[ThrottleKey.self] = made
        return made
    }
}
