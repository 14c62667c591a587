import Foundation
import Testing
import TuopinDomain
import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// The read cache must never show anything older than the tables: every change moves the registry
/// version in its own transaction (docs/SCALING.md, "Current reads").
@Suite struct CurrentReadTests {
    @Test func a_value_is_kept_for_its_version_and_recomputed_when_the_version_moves() async throws {
        let cache = CurrentReadCache(capacity: 3)
        let computed = Counter()
        func read(_ key: String, _ version: Int64, _ value: Int?) async throws -> Int? {
            try await cache.value(key, version: version) { await computed.add(); return value }
        }
        #expect(try await read("a", 1, 10) == 10)
        #expect(try await read("a", 1, 99) == 10)
        #expect(await computed.n == 1)
        #expect(try await read("a", 2, 11) == 11)
        #expect(await computed.n == 2)
        // A kept nil is an answer, not a miss.
        #expect(try await read("none", 2, nil) == nil)
        #expect(try await read("none", 2, 5) == nil)
        #expect(await computed.n == 3)
        // A slow reader that saw an older version does not replace a newer entry.
        #expect(try await read("a", 1, 7) == 7)
        #expect(try await read("a", 2, 12) == 11)
        // Full: entries of older versions go first.
        _ = try await read("old", 1, 1)
        _ = try await read("b", 3, 2)
        #expect(cache.count <= 3)
        #expect(try await read("b", 3, 0) == 2)
    }

    @Test func requests_missing_together_share_one_computation_and_failures_are_not_kept() async throws {
        let cache = CurrentReadCache()
        let computed = Counter()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.value("slow", version: 1) {
                        await computed.add()
                        try await Task.sleep(for: .milliseconds(200))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 20))
        #expect(await computed.n == 1)
        struct Broken: Error {}
        await #expect(throws: Broken.self) { try await cache.value("bad", version: 1) { () async throws -> Int in throw Broken() } }
        #expect(try await cache.value("bad", version: 1) { 7 } == 7)
    }

    actor Counter {
        var n = 0
        func add() { n += 1 }
    }

    @Test func pages_and_json_show_a_change_at_once() async throws {
        try await WebHarness.withLoadedApp { app in
            let token = try await UserService.issueToken(for: "county", label: "test", in: .commandLine(db: app.db))
            let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            func households() async throws -> Int? {
                var n: Int?
                try await app.testing().test(.GET, "api/v1/areas/451224", headers: bearer) { res async throws in
                    let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                    n = (json?["counts"] as? [String: Any])?["households"] as? Int
                }
                return n
            }
            #expect(try await households() == 3)
            #expect(try await households() == 3)
            let session = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "areas/451224", headers: WebHarness.headers(session)) { res async in
                #expect(!res.body.string.contains("H0004"))
            }
            // A fourth household arrives by import (another process could have done it).
            let four = [Samples.household(), Samples.household("H0002", idBase: 2),
                        Samples.household("H0003", village: Samples.otherVillage, idBase: 3), Samples.household("H0004", idBase: 4)]
            let outcome = try await RegistryImporter.run(file: Samples.file(Samples.csv(Samples.rows(four))),
                                                         options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: app.db)
            #expect(outcome.written)
            #expect(try await households() == 4)
            try await app.testing().test(.GET, "areas/451224", headers: WebHarness.headers(session)) { res async in
                #expect(res.body.string.contains("H0004"))
            }
            // Revoking the token is seen by the next call.
            _ = try await UserService.revokeTokens(of: "county", in: .commandLine(db: app.db))
            try await app.testing().test(.GET, "api/v1/areas/451224", headers: bearer) { res async in
                #expect(res.status == .unauthorized)
            }
        }
    }
}
