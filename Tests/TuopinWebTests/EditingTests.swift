import Foundation
import SQLKit
import Testing
import TuopinStore
import TuopinWeb
import Vapor
import VaporTesting

/// Editing a household: the importer's rules at each field, optimistic concurrency, and a village's
/// edit waiting for the township and then the county before it takes effect.
@Suite struct EditingTests {
    static let base: [String: String] = [
        "household_type": "一般贫困户", "identification_standard": "国家标准", "main_cause": "因病", "other_causes": "缺技术",
        "identified_year": "2014", "exit_year": "", "housing_grade": "B", "housing_resolved": "", "food_secure": "是",
        "clothing_secure": "是", "water_safe": "是", "phone": "13907781234",
    ]

    func post(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ form: [String: String]) async throws -> (HTTPStatus, String, String?) {
        var out: (HTTPStatus, String, String?) = (.ok, "", nil)
        try await app.testing().test(.POST, path, headers: WebHarness.headers(session), beforeRequest: { req in
            try req.content.encode(form.merging(["_csrf": session.csrf]) { a, _ in a }, as: .urlEncodedForm)
        }, afterResponse: { res async in out = (res.status, res.body.string, res.headers.first(name: .location)) })
        return out
    }

    func household(_ app: Application) async throws -> (type: String, version: Int) {
        let row = try await (app.db as! any SQLDatabase).raw("SELECT household_type, version FROM households WHERE id = 1").first()!
        return (try row.decode(column: "household_type", as: String.self), try row.decode(column: "version", as: Int.self))
    }

    @Test func a_village_edit_waits_for_township_then_county() async throws {
        try await WebHarness.withLoadedApp { app in
            let village = try await WebHarness.signIn(app, as: "village")
            var form = Self.base
            form["household_type"] = "低保贫困户"
            form["reason"] = "民政新认定低保"
            form["version"] = "1"
            let submitted = try await post(app, "households/1/edit", village, form)
            #expect(submitted.0 == .seeOther)
            let location = try #require(submitted.2)
            #expect(location.hasPrefix("/changes/"))
            #expect(try await household(app).type == "一般贫困户")      // not yet
            // The county may not act before the township.
            let county = try await WebHarness.signIn(app, as: "county")
            let early = try await post(app, String(location.dropFirst()) + "/approve", county, [:])
            #expect(early.0 == .forbidden)
            #expect(early.1.contains("越级"))
            let township = try await WebHarness.signIn(app, as: "township")
            #expect(try await post(app, String(location.dropFirst()) + "/approve", township, ["note": "属实"]).0 == .seeOther)
            #expect(try await household(app).type == "一般贫困户")
            #expect(try await post(app, String(location.dropFirst()) + "/approve", county, [:]).0 == .seeOther)
            let after = try await household(app)
            #expect(after.type == "低保贫困户" && after.version == 2)
            // Every step is in the audit trail, and the household's history shows the before and after.
            let actions = try await (app.db as! any SQLDatabase).raw("SELECT action FROM audit_events WHERE entity = 'household' AND entity_id = '1' ORDER BY seq").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.filter { $0 != "identity.view" } == ["change.submit", "change.approve", "change.approve", "household.edit"])
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(county)) { res async in
                #expect(res.body.string.contains("贫困户属性：一般贫困户 → 低保贫困户"))
            }
        }
    }

    @Test func a_county_edit_takes_effect_and_a_stale_form_is_refused_keeping_the_input() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            var form = Self.base
            form["phone"] = "13907780000"
            form["reason"] = "户主换号"
            form["version"] = "1"
            #expect(try await post(app, "households/1/edit", county, form).2 == "/households/1")
            #expect(try await household(app).version == 2)
            // A second form opened at version 1 is now stale.
            form["phone"] = "13907781111"
            let stale = try await post(app, "households/1/edit", county, form)
            #expect(stale.0 == .conflict)
            #expect(stale.1.contains("13907781111"))          // the user's input is kept
            #expect(stale.1.contains("联系电话：现为“13907780000”"))
            #expect(try await household(app).version == 2)
        }
    }

    @Test func bad_fields_are_named_and_nothing_changes() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            var form = Self.base
            form["identified_year"] = "2013"
            form["phone"] = "123"
            form["version"] = "1"
            let result = try await post(app, "households/1/edit", county, form)
            #expect(result.0 == .unprocessableEntity)
            #expect(result.1.contains("识别年度2013超出范围") && result.1.contains("联系电话") && result.1.contains("请写明修改原因"))
            #expect(try await household(app).version == 1)
        }
    }

    @Test func readers_cannot_edit_and_outsiders_do_not_see_the_form() async throws {
        try await WebHarness.withLoadedApp { app in
            let leader = try await WebHarness.signIn(app, as: "leader")
            try await app.testing().test(.GET, "households/1/edit", headers: WebHarness.headers(leader)) { res async in
                #expect(res.status == .forbidden)
            }
            let village = try await WebHarness.signIn(app, as: "village")
            try await app.testing().test(.GET, "households/3/edit", headers: WebHarness.headers(village)) { res async in
                #expect(res.status == .notFound)
            }
        }
    }
}
