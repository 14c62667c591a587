import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import Vapor

/// 督查通报: the month's bulletin as a printable page and as XLSX.
enum BulletinController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("bulletin", use: page)
        routes.get("bulletin.xlsx", use: xlsx)
    }

    static func bulletin(_ req: Request) async throws -> SupervisionService.Bulletin {
        let ctx = try req.context
        let text = try? req.query.get(String.self, at: "month")
        let previous = LocalDate(year: ctx.today.year, month: ctx.today.month, day: 1)!.adding(days: -1)
        guard let month = text.map({ DutyPeriod.parse($0) }) ?? .month(previous.year, previous.month), month.length == .month else {
            throw Refused(.badRequest, "month 应为月份，如 2016-08", "month must be like 2016-08", field: "month")
        }
        let areaText = (try? req.query.get(String.self, at: "area")) ?? ""
        guard areaText.isEmpty || AreaCode(areaText) != nil else { throw Refused.notFound("区划代码无效", "not a valid area code") }
        return try await SupervisionService.bulletin(month: month, area: AreaCode(areaText), in: ctx)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        .html(BulletinView.render(try await bulletin(req), chrome: req.chrome))
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let b = try await bulletin(req)
        return try .xlsx(b.rows, sheet: "督查通报", filename: "bulletin-\(b.month.key).xlsx")
    }
}
