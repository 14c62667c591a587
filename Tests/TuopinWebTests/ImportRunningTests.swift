import Foundation
import Testing
import TuopinStore
import TuopinTestSupport
import TuopinWeb
import VaporTesting

/// While an import writes, pages answer at once from the last committed registry; the household page, whose
/// view of whole ID numbers must be recorded (a write that would wait for the import's commit), shows them
/// masked and says why (issue #13 C: a page waited 30 s).
@Suite struct ImportRunningTests {
    @Test func the_household_page_answers_at_once_with_numbers_masked() async throws {
        var urls: [(DatabaseURL, String?)] = []
        var drops: [@Sendable () async -> Void] = []
        let path = Samples.directory().appendingPathComponent("served.sqlite").path
        urls.append((.sqliteFile(path: path), path))
        for kind in TestDatabase.kinds where "\(kind)" == "postgres" {
            let (url, drop) = try await TestDatabase.make(kind)
            drops.append(drop)
            urls.append((url, nil))
        }
        for (url, file) in urls {
            try await WebHarness.withLoadedApp(url) { app in
                let county = try await WebHarness.signIn(app, as: "county")
                try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                    #expect(res.body.string.contains("452728197503"), "whole numbers when no import runs")
                    #expect(!res.body.string.contains("正在导入"))
                }
                try await ImportLock.holding(file, on: app.db, actor: "county", now: Date()) { _ in
                    let start = Date()
                    // A household not yet seen today: its view would have to be recorded, which waits for the import.
                    try await app.testing().test(.GET, "households/2", headers: WebHarness.headers(county)) { res async in
                        #expect(res.status == .ok)
                        #expect(res.body.string.contains("正在导入建档立卡数据"), "masked while the view cannot be recorded")
                    }
                    // One already seen today is recorded once a day (issue #19 item 13): whole, with nothing to write.
                    try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                        #expect(res.status == .ok)
                        #expect(res.body.string.contains("452728197503"))
                        #expect(!res.body.string.contains("正在导入建档立卡数据"))
                    }
                    #expect(Date().timeIntervalSince(start) < 10, "no wait for the lock (the busy timeout is longer)")
                }
            }
        }
        for drop in drops { await drop() }
    }
}
