import Foundation
import Testing
import TuopinWeb
import Vapor
import VaporTesting

/// After sign-in the browser goes only to a path of ours, and nothing in `next` reaches a header (issue #19
/// items 1 and 2: CR/LF injected a Set-Cookie; `/\t/evil.example` left the site).
@Suite struct SignInRedirectTests {
    static let hostile = ["/\r\nSet-Cookie: tuopin_session=attacker", "/\nLocation: https://evil.example", "/\t/evil.example",
                          "/ /evil.example", "https://evil.example/", "//evil.example/", "/\\evil.example", "/%0d%0aSet-Cookie:%20x=1",
                          "javascript:alert(1)", "/areas\u{0}", "/\u{202E}areas", ""]

    @Test func only_local_paths_are_followed() {
        for next in Self.hostile {
            let followed = SessionControllerProbe.safe(next)
            #expect(followed == "/areas" || followed == "/%0d%0aSet-Cookie:%20x=1", "\(next.debugDescription) → \(followed)")
            #expect(!followed.contains("\r") && !followed.contains("\n") && !followed.contains("\t"))
        }
        #expect(SessionControllerProbe.safe("/areas/451224?year=2016&q=%E9%9F%A6") == "/areas/451224?year=2016&q=%E9%9F%A6")
    }

    @Test func a_hostile_next_reaches_no_header_and_no_form() async throws {
        try await WebHarness.withLoadedApp { app in
            for next in Self.hostile.prefix(4) {
                try await WebHarness.postLogin(app, ["username": "county", "password": WebHarness.password, "next": next]) { res in
                    #expect(res.status == .seeOther || res.status == .found)
                    #expect(res.headers.first(name: .location) == "/areas", "\(next.debugDescription)")
                    #expect(res.headers[.setCookie].allSatisfy { !$0.contains("attacker") })
                }
            }
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let link = "login?next=" + Self.hostile[0].addingPercentEncoding(withAllowedCharacters: allowed)!
            try await app.testing().test(.GET, link) { res async in
                #expect(res.body.string.contains("name=\"next\" value=\"/areas\""), "a link keeps no CR/LF in the form")
            }
        }
    }
}
