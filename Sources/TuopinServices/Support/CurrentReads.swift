/// Reads that may be answered from a cache kept until the registry changes. The web module passes its
/// cache (keyed by the registry version, docs/adr/0009); commands read every time.
public protocol CurrentReads: Sendable {
    func value<T: Sendable>(_ key: String, compute: @escaping @Sendable () async throws -> T) async throws -> T
}

/// Reads straight from the database.
public struct UncachedReads: CurrentReads {
    public init() {}
    public func value<T: Sendable>(_ key: String, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        try await compute()
    }
}
