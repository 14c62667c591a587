import Foundation
import TuopinStore
import Vapor

/// Answers computed at one `RegistryVersion`, kept until the version moves.
///
/// Area summaries, village indicators and API-token lookups are read by every page view and every API
/// call but change only when the registry does. Each request reads the version once (one row by primary
/// key); an entry made at that version is returned as it is, anything older is recomputed. Because the
/// version is read before the value is computed, a cached value is never older than its version, so the
/// pages stay exactly as current as reading the tables each time (docs/SCALING.md, "Current reads").
final class CurrentReadCache: @unchecked Sendable {
    private struct Entry { var version: Int64; var value: any Sendable }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// The most entries kept; past it, entries of older versions go first, then everything.
    let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    /// The value for `key` at `version`, computing and keeping it when none is kept for that version.
    func value<T: Sendable>(_ key: String, version: Int64, compute: () async throws -> T) async throws -> T {
        // Unwrapped before the cast: a miss cast to an optional T would read as a kept nil.
        if let kept = lookup(key, version: version), let hit = kept as? T { return hit }
        let value = try await compute()
        store(key, version: version, value: value)
        return value
    }

    var count: Int { lock.withLock { entries.count } }

    private func lookup(_ key: String, version: Int64) -> (any Sendable)? {
        lock.withLock {
            guard let e = entries[key], e.version == version else { return nil }
            return e.value
        }
    }

    private func store(_ key: String, version: Int64, value: any Sendable) {
        lock.withLock {
            // A slower request may finish after a newer version was seen; keep the newer entry.
            if let e = entries[key], e.version > version { return }
            if entries.count >= capacity {
                entries = entries.filter { $0.value.version >= version }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(version: version, value: value)
        }
    }
}

extension Application {
    private struct CurrentReadCacheKey: StorageKey { typealias Value = CurrentReadCache }

    /// The application's cache of current reads (set up by `WebApp.configure`).
    var currentReads: CurrentReadCache {
        get {
            guard let c = storage[CurrentReadCacheKey.self] else { fatalError("WebApp.configure sets up the read cache") }
            return c
        }
        set { storage[CurrentReadCacheKey.self] = newValue }
    }
}

extension Request {
    private struct RegistryVersionKey: StorageKey { typealias Value = Int64 }

    /// The registry's version, read once per request.
    func registryVersion() async throws -> Int64 {
        if let v = storage[RegistryVersionKey.self] { return v }
        let v = try await RegistryVersion.current(on: db)
        storage[RegistryVersionKey.self] = v
        return v
    }

    /// A value computed from the registry, kept until the registry changes.
    func current<T: Sendable>(_ key: String, compute: () async throws -> T) async throws -> T {
        try await application.currentReads.value(key, version: try await registryVersion(), compute: compute)
    }
}
