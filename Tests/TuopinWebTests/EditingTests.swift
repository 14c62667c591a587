import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinStore
import TuopinTestSupport
import TuopinWeb
import Vapor
import VaporTesting

/// Editing a household: the importer's rules at each field, optimistic concurrency, and a village's
/// edit waiting for the township and then the county before it takes effect.
@Suite struct EditingTests {
    /// The form as the edit page fills it for H0001 (household fields and its three members).
    static var base: [String: String] {
        let h = Samples.household()
        var form: [String: String] = [:]
        for (c, v) in HouseholdEditView.values(of: h) { form[c.key] = v }
        for (i, m) in h.members.enumerated() {
            for (c, v) in HouseholdFieldCheck.values(of: m, in: h) where HouseholdEditView.memberColumns.contains(c) { form["m\(i)_\(c.key)"] = v }
        }
        return form
    }

    func post(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ form: [String: String]) async throws -> (HTTPStatus, String, String?) {
        try await WebHarness.post(app, path, session, form)
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
            #expect(actions.filter { $0 != "identity.view" } == ["household.import", "change.submit", "change.approve", "change.approve", "household.edit"])
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

    @Test func members_are_added_removed_and_moved_with_the_importers_rules() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            var form = Self.base
            form["version"] = "1"
            form["reason"] = "儿子分户，新生儿入户"
            form["m2_remove"] = "on"
            let baby = ResidentID.make(region: "451224", birth: LocalDate(year: 2025, month: 3, day: 1)!, sequence: 21)
            form["m3_name"] = "韦小宝"
            form["m3_id_number"] = baby.number
            form["m3_relation"] = "之孙子"
            form["village_code"] = "451224100202"
            #expect(try await post(app, "households/1/edit", county, form).2 == "/households/1")
            let names = try await (app.db as! any SQLDatabase).raw("SELECT name FROM members WHERE household_id = 1 ORDER BY position").all()
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(names == ["韦国强", "黄秀英", "韦小宝"])
            let village = try await (app.db as! any SQLDatabase).raw("SELECT village_code, member_count FROM households WHERE id = 1").first()!
            #expect(try village.decode(column: "village_code", as: String.self) == "451224100202")
            #expect(try village.decode(column: "member_count", as: Int.self) == 3)
            // A second head, an ID from another household, a move out of the county: named at their fields.
            var bad = Self.base
            bad["version"] = "2"
            bad["reason"] = "x"
            bad["m1_relation"] = "户主"
            bad["m3_name"] = "冒名"
            bad["m3_id_number"] = Samples.household("H0002", idBase: 2).members[0].id.number
            bad["m3_relation"] = "之子"
            bad["village_code"] = "451225100201"
            let refused = try await post(app, "households/1/edit", county, bad)
            #expect(refused.0 == .unprocessableEntity)
            #expect(refused.1.contains("户主"))
            #expect(refused.1.contains("只能迁到"))
        }
    }

    @Test func a_removal_waits_for_approval_and_then_deletes_with_its_record() async throws {
        try await WebHarness.withLoadedApp { app in
            let township = try await WebHarness.signIn(app, as: "township")
            let submitted = try await post(app, "households/2/remove", township, ["reason": "错评：家有公职人员"])
            #expect(submitted.0 == .seeOther)
            let location = try #require(submitted.2)
            let sql = app.db as! any SQLDatabase
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM households WHERE id = 2").first()!.decode(column: "n", as: Int.self) == 1)
            let county = try await WebHarness.signIn(app, as: "county")
            #expect(try await post(app, String(location.dropFirst()) + "/approve", county, [:]).0 == .seeOther)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM households WHERE id = 2").first()!.decode(column: "n", as: Int.self) == 0)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM members WHERE household_id = 2").first()!.decode(column: "n", as: Int.self) == 0)
            let removed = try await sql.raw("SELECT before_json FROM audit_events WHERE action = 'household.remove'").first()!.decode(column: "before_json", as: String.self)
            #expect(removed.contains("黄秀英"))
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
            // Without a reason nothing is requested.
            #expect(try await post(app, "households/1/remove", township, ["reason": " "]).0 == .unprocessableEntity)
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

@Suite struct NewHouseholdTests {
    @Test func a_village_adds_a_household_that_takes_effect_after_both_approvals() async throws {
        try await WebHarness.withLoadedApp { app in
            let helper = EditingTests()
            let village = try await WebHarness.signIn(app, as: "village")
            try await app.testing().test(.GET, "households/new?village=451224100201", headers: WebHarness.headers(village)) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("新增贫困户"))
            }
            let head = ResidentID.make(region: "452728", birth: LocalDate(year: 1960, month: 5, day: 5)!, sequence: 11)
            var form: [String: String] = ["household_no": "H0100", "village_code": "451224100201", "household_type": "一般贫困户",
                                          "identification_standard": "国家标准", "main_cause": "因灾", "identified_year": "2016",
                                          "reason": "新识别：房屋冲毁", "m0_name": "罗德福", "m0_id_number": head.number, "m0_relation": "户主",
                                          "m0_medical_insurance": "是"]
            // Without a head the form is refused with the reason at the relation column.
            form["m0_relation"] = "配偶"
            #expect(try await helper.post(app, "households/new", village, form).0 == .unprocessableEntity)
            form["m0_relation"] = "户主"
            let submitted = try await helper.post(app, "households/new", village, form)
            let location = try #require(submitted.2)
            #expect(location.hasPrefix("/changes/"))
            let sql = app.db as! any SQLDatabase
            func count() async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM households WHERE household_no = 'H0100'").first()!.decode(column: "n", as: Int.self)
            }
            #expect(try await count() == 0)
            for approver in ["township", "county"] {
                let s = try await WebHarness.signIn(app, as: approver)
                #expect(try await helper.post(app, String(location.dropFirst()) + "/approve", s, [:]).0 == .seeOther)
            }
            #expect(try await count() == 1)
            let members = try await sql.raw("SELECT m.name FROM members m JOIN households h ON h.id = m.household_id WHERE h.household_no = 'H0100'").all()
            #expect(try members.map { try $0.decode(column: "name", as: String.self) } == ["罗德福"])
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
            // The same 户编号 again is refused at its field.
            let county = try await WebHarness.signIn(app, as: "county")
            var again = form
            again["m0_id_number"] = ResidentID.make(region: "452728", birth: LocalDate(year: 1961, month: 5, day: 5)!, sequence: 13).number
            let taken = try await helper.post(app, "households/new", county, again)
            #expect(taken.0 == .unprocessableEntity)
            #expect(taken.1.contains("已被使用"))
        }
    }
}
