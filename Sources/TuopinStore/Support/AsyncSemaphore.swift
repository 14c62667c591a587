/// At most `limit` holders at a time; others wait in order. Used to let one writer at a time into a SQLite
/// file (two deferred transactions that both read and then write deadlock, and SQLite answers "busy" at
/// once) and to bound the sign-ins hashing passwords at the same time.
public actor AsyncSemaphore {
    private let limit: Int
    private var held = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) { self.limit = max(1, limit) }

    /// How many are waiting now.
    public var waiting: Int { waiters.count }

    public func acquire() async {
        if held < limit {
            held += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    public func release() {
        if waiters.isEmpty {
            held -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` holding one place.
    public func holding<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}
