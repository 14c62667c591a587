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
/// Requests that miss at the same moment for the same key and version share one computation, so a
/// change under load costs one recomputation, not one per waiting request.
final class CurrentReadCache: @unchecked Sendable {
    private struct Entry { var version: Int64; var value: any Sendable }
    private struct Pending { var version: Int64; var task: Task<any Sendable, any Error> }
    private enum Found { case kept(any Sendable), computing(Task<any Sendable, any Error>) }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var pending: [String: Pending] = [:]
    /// The most entries kept; past it, entries of older versions go first, then everything.
    let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    /// The value for `key` at `version`, computing and keeping it when none is kept for that version.
    func value<T: Sendable>(_ key: String, version: Int64, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        let found: Found = lock.withLock {
            if let e = entries[key], e.version == version { return .kept(e.value) }
            if let p = pending[key], p.version == version { return .computing(p.task) }
            let t = Task<any Sendable, any Error> { try await compute() }
            pending[key] = Pending(version: version, task: t)
            return .computing(t)
        }
        let task: Task<any Sendable, any Error>
        switch found {
        case .kept(let value):
            guard let hit = value as? T else { preconditionFailure("one key, one type: \(key)") }
            return hit
        case .computing(let t): task = t
        }
        let result: Result<any Sendable, any Error>
        do { result = .success(try await task.value) } catch { result = .failure(error) }
        lock.withLock {
            guard let p = pending[key], p.version == version else { return }
            pending[key] = nil
            // Failures are not kept: the next request tries again.
            if case .success(let value) = result { keep(key, version: version, value: value) }
        }
        guard let value = try result.get() as? T else { preconditionFailure("one key, one type: \(key)") }
        return value
    }

    var count: Int { lock.withLock { entries.count } }

    /// Called with the lock held.
    private func keep(_ key: String, version: Int64, value: any Sendable) {
        // A slower request may finish after a newer version was seen; keep the newer entry.
        if let e = entries[key], e.version > version { return }
        if entries.count >= capacity {
            entries = entries.filter { $0.value.version >= version }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        }
        entries[key] = Entry(version: version, value: value)
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
    func current<T: Sendable>(_ key: String, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        try await application.currentReads.value(key, version: try await registryVersion(), compute: compute)
    }
}
