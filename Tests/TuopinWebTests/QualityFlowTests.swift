import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// 数据质量 on both databases (issue #17 item 6): a household whose record disagrees with itself is listed on
/// the report with the rule and the member, counted on the area page, in the CSV and the JSON API; another
/// village's team does not see it; correcting the record clears it at once (the count is kept only until the
/// registry changes).
@Suite struct QualityFlowTests {
    @Test func a_faulty_record_is_reported_counted_and_cleared() async throws {
        try await WebHarness.withLoadedApp { app in
            var faulty = Samples.household("H0009", idBase: 9)
            for i in faulty.members.indices { faulty.members[i].labour = .lost }
            let file = Samples.file(Samples.csv(Samples.rows([faulty])))
            let loaded = try await RegistryImporter.run(file: file, options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: app.db)
            #expect(loaded.written, "\(loaded.issues.prefix(3))")
            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "quality?area=451224", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .ok)
                #expect(r.body.string.contains("无劳动力却有工资性收入") && r.body.string.contains("H0009") && r.body.string.contains("id=\"quality-count\">1<"))
            }
            try await app.testing().test(.GET, "areas/\(Samples.village.value)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("1 条待核对"), "the village page counts it")
            }
            try await app.testing().test(.GET, "quality.csv?area=451224", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("户编号,村代码,规则,成员,说明") && r.body.string.contains("H0009,\(Samples.village.value),无劳动力却有工资性收入"))
            }
            try await app.testing().test(.GET, "api/v1/quality?area=451224", headers: WebHarness.headers(county)) { r async in
                struct Body: Decodable { var flagged: Int; var counts: [String: Int] }
                let body = try? r.content.decode(Body.self)
                #expect(body?.flagged == 1 && body?.counts["无劳动力却有工资性收入"] == 1, "\(r.body.string.prefix(300))")
            }
            try await app.testing().test(.GET, "api/v1/quality?area=45122410", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .badRequest, "a code of no level is refused")
            }
            // The other village's team sees neither the report nor the household.
            let other = try await WebHarness.signIn(app, as: "village")
            try await app.testing().test(.GET, "quality?area=\(Samples.otherVillage.value)", headers: WebHarness.headers(other)) { r async in
                #expect(r.status == .notFound)
            }
            // Correcting the record (the head able to work, loaded again) clears the finding at once.
            faulty.members[0].labour = .ordinary
            let fixed = try await RegistryImporter.run(file: Samples.file(Samples.csv(Samples.rows([faulty]))),
                                                       options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: app.db)
            #expect(fixed.written)
            try await app.testing().test(.GET, "areas/\(Samples.village.value)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("未发现问题"))
            }
        }
    }
}
