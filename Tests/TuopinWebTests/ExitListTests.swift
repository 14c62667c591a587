import Foundation
import Testing
import TuopinDomain
import TuopinWeb
import Vapor
import VaporTesting

/// Every count on the exit-test and targets pages opens the list of the households it counts, and that list
/// holds exactly that many (issue #13: "达标待退出 162 户 … link to nothing").
@Suite struct ExitListTests {
    /// (href, number) of every link whose text is a number.
    static func countLinks(_ page: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var rest = Substring(page)
        while let a = rest.range(of: "<a href=\"") {
            rest = rest[a.upperBound...]
            let href = String(rest.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            guard let close = rest.range(of: "\">") else { break }
            rest = rest[close.upperBound...]
            let text = String(rest.prefix { $0 != "<" })
            let digits = text.split(separator: " ").last.map { $0.replacingOccurrences(of: ",", with: "") } ?? ""
            if let n = Int(digits), href.contains("/verdicts") || href.contains("exit_year=") { result.append((href, n)) }
        }
        return result
    }

    /// The number of households a list page says it holds.
    static func listed(_ page: String) -> Int? {
        for marker in ["共 <b>", "共 "] {
            if let r = page.range(of: marker) {
                let digits = page[r.upperBound...].prefix { $0.isNumber || $0 == "," }.replacingOccurrences(of: ",", with: "")
                if let n = Int(digits) { return n }
            }
        }
        return nil
    }

    @Test func every_count_opens_as_many_households() async throws {
        try await WebHarness.withLoadedApp { app in
            let session = try await WebHarness.signIn(app, as: "county")
            var checked = 0
            for path in ["areas/451224/exit?year=2016", "areas/451224100/exit?year=2016", "areas/451224/targets?year=2016", "areas/451224?year=2016"] {
                var page = ""
                try await app.testing().test(.GET, path, headers: WebHarness.headers(session)) { res async in
                    #expect(res.status == .ok, "\(path)")
                    page = res.body.string
                }
                for (href, n) in Self.countLinks(page) {
                    try await app.testing().test(.GET, String(href.dropFirst()), headers: WebHarness.headers(session)) { res async in
                        #expect(res.status == .ok, "\(href)")
                        #expect(Self.listed(res.body.string) == n, "\(path): \(href) says \(n)")
                    }
                    checked += 1
                }
            }
            #expect(checked >= 10, "links checked: \(checked)")
        }
    }

    @Test func an_income_not_recorded_is_not_an_income_below_the_line() async throws {
        try await WebHarness.withLoadedApp { app in
            let session = try await WebHarness.signIn(app, as: "county")
            // The fixture's households record 2016 incomes only: in 2017 every household's income is unrecorded.
            try await app.testing().test(.GET, "areas/451224/exit?year=2017", headers: WebHarness.headers(session)) { res async in
                let body = res.body.string
                #expect(body.contains("收入未录入") && body.contains("收入低于标准"))
                #expect(body.contains("income=unrecorded"))
            }
            try await app.testing().test(.GET, "areas/451224/verdicts?year=2017&households=all&item=income&income=below-line",
                                         headers: WebHarness.headers(session)) { res async in
                #expect(Self.listed(res.body.string) == 0)
            }
            try await app.testing().test(.GET, "areas/451224/verdicts?year=2017&households=all&item=income&income=unrecorded",
                                         headers: WebHarness.headers(session)) { res async in
                #expect(Self.listed(res.body.string) == 3)
            }
        }
    }
}
