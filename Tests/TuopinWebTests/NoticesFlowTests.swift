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

/// Issue #16 item 4 on both databases: the notices the records call for are listed (the overdue first); a
/// project's notice prints with the fields of §6.6; a posting in the future is refused and keeps the place typed;
/// posting and an early removal are recorded, flagged and audited.
@Suite struct NoticesFlowTests {
    @Test func notices_from_the_records_posted_and_taken_down() async throws {
        try await WebHarness.withLoadedApp { app in
            let ctx = ServiceContext.commandLine(db: app.db)
            let homes = try await BenefitStore.homes(under: AreaCode("451224")!, on: app.db)
            let generated = GeneratedFunds.make(villages: [Samples.village, Samples.otherVillage], county: AreaCode("451224")!,
                                                households: Dictionary(homes.map { ($0.village, [$0.id]) }, uniquingKeysWith: +), today: ctx.today, seed: 3)
            _ = try await FundsService.load(generated, in: ctx)
            let notices = try await FundsService.notices(area: AreaCode("451224"), in: ctx)
            #expect(notices.contains { $0.kind == .allocation } && notices.contains { $0.kind == .posting })
            let county = try await WebHarness.signIn(app, as: "county")
            try await app.testing().test(.GET, "notices", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("逾期未张贴") && r.body.string.contains("资金分配结果公告"))
            }
            let posting = try #require(notices.first { $0.kind == .posting })
            try await app.testing().test(.GET, "notices/posting/\(posting.subject)", headers: WebHarness.headers(county)) { r async in
                let body = r.body.string
                #expect(body.contains("审批程序") && body.contains("绩效目标") && body.contains("带贫减贫机制") && body.contains("12317"))
            }
            let tomorrow = ctx.today.adding(days: 1).description
            var res = try await WebHarness.post(app, "notices/posting/\(posting.subject)/post", county, ["posted": tomorrow, "place": "村委会公示栏"])
            #expect(res.status == .unprocessableEntity && res.body.contains("notice-posted-fault") && res.body.contains("村委会公示栏"))
            let start = max(posting.due, ctx.today.adding(days: -5))
            res = try await WebHarness.post(app, "notices/posting/\(posting.subject)/post", county, ["posted": start.description, "place": "村委会公示栏"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            res = try await WebHarness.post(app, "notices/posting/\(posting.subject)/remove", county, ["removed": ctx.today.description])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, "notices/posting/\(posting.subject)", headers: WebHarness.headers(county)) { r async in
                #expect(r.body.string.contains("未满期撤下"), "taken down within 10 days")
            }
            try await app.testing().test(.GET, "api/v1/notices?area=451224", headers: WebHarness.headers(county)) { r async in
                struct Item: Decodable { var key: String; var subject: Int64; var state: String; var posted: String? }
                let items = (try? r.content.decode([Item].self)) ?? []
                #expect(items.contains { $0.key == "posting" && $0.subject == posting.subject && $0.state == "未满期撤下" && $0.posted == start.description },
                        "\(r.body.string.prefix(300))")
            }
            try await app.testing().test(.GET, "api/v1/notices?area=", headers: WebHarness.headers(county)) { r async in #expect(r.status == .badRequest) }
            let village = try await WebHarness.signIn(app, as: "village")
            res = try await WebHarness.post(app, "notices/allocation/\(notices.first { $0.kind == .allocation }!.subject)/post", village,
                                            ["posted": ctx.today.description, "place": "村委会"])
            #expect(res.status == .notFound || res.status == .forbidden, "a village does not post the county's notice")
            let actions = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'notice.post'").first()!
                .decode(column: "n", as: Int.self)
            #expect(actions == 2)
        }
    }
}
