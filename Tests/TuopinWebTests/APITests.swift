import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct APITests {
    @Test func area_json_has_counts_and_children() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "api/v1/areas/451224", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async throws in
                #expect(res.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
                #expect(json["name"] as? String == "东兰县")
                let counts = json["counts"] as! [String: Any]
                #expect(counts["households"] as? Int == 3)
                #expect(counts["persons"] as? Int == 9)
                #expect((json["children"] as? [Any])?.count == 2)
            }
        }
    }

    @Test func household_list_json_masks_id_numbers() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "api/v1/areas/451224/households?per=2&page=2", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async throws in
                #expect(res.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
                #expect(json["total"] as? Int == 3)
                let items = json["items"] as! [[String: Any]]
                #expect(items.count == 1)
                #expect((items[0]["headIDNumber"] as? String)?.contains("********") == true)
            }
        }
    }

    @Test func household_json_and_errors() async throws {
        try await WebHarness.withLoadedApp { app in
            try await app.testing().test(.GET, "api/v1/households/1", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async throws in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"2016\":\"2666.67\""))
            }
            try await app.testing().test(.GET, "api/v1/households/77", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("\"error\":true"))
            }
            try await app.testing().test(.GET, "api/v1/areas/451224/households?cause=bad", headers: WebHarness.headers(try await WebHarness.signIn(app, as: "county"))) { res async in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("主要致贫原因"))
            }
        }
    }
}
