import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor

/// Table files uploaded on the pages, both databases. 导入发放名单 on the leaks page (issue #16): a file of another kind is refused at the field; a
/// list with a faulty row shows every fault by row and column and writes nothing; a good one loads (a dry run first
/// writes nothing), its flags appear; a village team has no form and cannot post one.
@Suite struct BenefitUploadTests {
    static func payments(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM benefits").first()!.decode(column: "n", as: Int.self)
    }

    @Test func a_payment_list_uploaded_on_the_page() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let member = Samples.household().members[0]
            let year = LocalDate(Date()).year - 1
            let path = "leaks/upload?year=\(year)"
            var res = try await AttachmentFlowTests.upload(app, path, county, ["policy": "industry"], files: [("名单.txt", "text/plain", Data("x".utf8))])
            #expect(res.status == .unprocessableEntity && res.body.contains("只能导入 .csv 或 .xlsx 文件"))
            let bad = "证件号码,姓名,金额,发放日期\n\(member.id.number),\(member.name),-5,\(year)-05-01\n"
            res = try await AttachmentFlowTests.upload(app, path, county, ["policy": "industry"], files: [("产业奖补.csv", "text/csv", Data(bad.utf8))])
            #expect(res.status == .unprocessableEntity && res.body.contains("id=\"upload-report\"") && res.body.contains("金额"), "\(res.status)")
            var stored = try await Self.payments(app)
            #expect(stored == 0, "a refused list writes nothing")
            let good = "证件号码,姓名,金额,发放日期\n\(member.id.number),\(member.name),1500,\(year)-05-01\n\(member.id.number),\(member.name),1500,\(year)-05-20\n"
            res = try await AttachmentFlowTests.upload(app, path, county, ["policy": "industry", "dry_run": "1"], files: [("产业奖补.csv", "text/csv", Data(good.utf8))])
            stored = try await Self.payments(app)
            #expect(res.status == .ok && res.body.contains("检查通过（试运行，未写入）") && stored == 0)
            res = try await AttachmentFlowTests.upload(app, path, county, ["policy": "industry"], files: [("产业奖补.csv", "text/csv", Data(good.utf8))])
            stored = try await Self.payments(app)
            #expect(res.status == .ok && res.body.contains("已导入 产业奖补.csv：2 行") && res.body.contains("重复发放") && stored == 2, "\(res.status)")
            let village = try await WebHarness.signIn(app, as: "village")
            try await app.testing().test(.GET, "leaks?year=\(year)", headers: WebHarness.headers(village)) { r async in
                #expect(!r.body.string.contains("benefits-upload"), "no form for a village team")
            }
            res = try await AttachmentFlowTests.upload(app, path, village, ["policy": "industry"], files: [("产业奖补.csv", "text/csv", Data(good.utf8))])
            #expect(res.status == .forbidden || res.status == .notFound || res.status == .badRequest, "\(res.status)")
        }
    }

    /// 导入部门比对数据 on the matching page: a death record loads and its flag appears; a bad ID is shown at its row.
    @Test func a_department_file_uploaded_on_the_page() async throws {
        try await WebHarness.withLoadedApp { app in
            let county = try await WebHarness.signIn(app, as: "county")
            let member = Samples.household().members[0]
            let year = LocalDate(Date()).year - 1
            var res = try await AttachmentFlowTests.upload(app, "match/upload?year=\(year)", county, ["kind": "deaths"],
                                                          files: [("死亡.csv", "text/csv", Data("证件号码,姓名,死亡日期\n123,某人,\(year)-03-02\n".utf8))])
            #expect(res.status == .unprocessableEntity && res.body.contains("id=\"upload-report\"") && res.body.contains("证件号码"))
            res = try await AttachmentFlowTests.upload(app, "match/upload?year=\(year)", county, ["kind": "deaths"],
                                                      files: [("死亡.csv", "text/csv", Data("证件号码,姓名,死亡日期\n\(member.id.number),\(member.name),\(year)-03-02\n".utf8))])
            #expect(res.status == .ok && res.body.contains("已导入 死亡.csv：1 行") && res.body.contains("已死亡仍在户"), "\(res.status)")
        }
    }
}
