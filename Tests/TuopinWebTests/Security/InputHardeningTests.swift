import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport
import TuopinWeb
import Vapor
import VaporTesting

/// Issue #19 items 11, 12, 14 and 16: control characters, impossible dates, tokens revived by re-enabling,
/// and addresses too long to read.
@Suite struct InputHardeningTests {
    @Test func control_characters_are_refused_in_files_and_forms() async throws {
        var nul = Samples.household("H0101", idBase: 101)
        nul.members[1].name = "韦\u{7}秀英"   // a NUL makes a CSV binary (refused whole); XLSX cells can hold one
        var bidi = Samples.household("H0102", idBase: 102)
        bidi.members[0].name = "\u{202E}强国韦"
        let read = RegistryFileReader.read(Samples.file(Samples.csv(Samples.rows([nul, bidi]))), options: Samples.options(county: AreaCode("451224")))
        #expect(read.hasErrors)
        let faults = read.issues.filter { $0.column == "姓名" && $0.message.contains("控制字符") }
        #expect(faults.count == 2, "\(read.issues.map(\.message))")
        #expect(faults.contains { $0.message.contains("U+0007") } && faults.contains { $0.message.contains("U+202E") })
        #expect(TextRule.fault("a\u{0}b", .cell)?.contains("U+0000") == true)
        #expect(TextRule.fault("a\tb", .cell) == nil && TextRule.fault("a\nb", .cell) != nil && TextRule.fault("a\nb", .freeText) == nil)

        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            var form = EditingTests.base
            form["reason"] = "更正\u{202E}电话"
            form["version"] = "1"
            let refused = try await WebHarness.post(app, "households/1/edit", county, form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("reason") && refused.body.contains("U+202E"))
            form["reason"] = "更正电话\t（核实）"
            form["phone"] = "13800003333"
            #expect(try await WebHarness.post(app, "households/1/edit", county, form).location == "/households/1", "a tab in free text is fine")
        }
    }

    @Test func dates_lie_within_the_campaign() async throws {
        try await WebHarness.withLoadedApp { app in
            let village = try await WebHarness.signIn(app, as: "village")
            let (status, body, _) = try await WebHarness.post(app, "households/2/hardships", village,
                                                              ["kind": "因病", "occurred_on": "0000-01-01", "cost": "100", "note": "住院"])
            #expect(status == .unprocessableEntity)
            #expect(body.contains("发生日期应在 2013-01-01"))
            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "audit?from=0000-01-01", headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .badRequest)
            }
        }
        #expect(EventDate.parse("2016-02-30", field: "d", label: "日期", today: Samples.today).isFailure)
        #expect(EventDate.parse("2016-8-1", field: "d", label: "日期", today: Samples.today).isFailure)
        #expect((try? EventDate.parse("2016-08-01", field: "d", label: "日期", today: Samples.today).get()) == LocalDate(year: 2016, month: 8, day: 1))
    }

    @Test func a_user_enabled_again_has_no_api_token() async throws {
        try await WebHarness.withLoadedApp { app in
            let admin = ServiceContext.commandLine(db: app.db)
            let token = try await UserService.issueToken(for: "township", label: "script", in: admin)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            try await app.testing().test(.GET, "api/v1/areas", headers: headers) { res async in #expect(res.status == .ok) }
            try await UserService.setDisabled("township", true, in: admin)
            try await UserService.setDisabled("township", false, in: admin)
            try await app.testing().test(.GET, "api/v1/areas", headers: headers) { res async in
                #expect(res.status == .unauthorized, "the old token stays revoked")
            }
        }
    }

    @Test func an_address_too_long_is_answered_414() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "areas?q=" + String(repeating: "a", count: 9_000), headers: WebHarness.headers(county)) { res async in
                #expect(res.status == .uriTooLong)
                #expect(res.body.string.contains("地址过长"))
            }
        }
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}
