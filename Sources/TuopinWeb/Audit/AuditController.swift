import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// 痕迹查询 for county offices, inspectors and administrators; the CSV export is itself recorded.
enum AuditController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("audit", use: index)
        routes.get("audit.csv", use: csv)
    }

    static let keys = ["actor", "area", "entity", "entity_id", "action", "from", "to"]

    @Sendable static func index(req: Request) async throws -> Response {
        let ctx = try req.context
        let (filter, query) = try await decode(req, in: ctx)
        let page = try req.wholeNumber("page", in: 1...1_000_000) ?? 1
        let result = try await AuditService.search(filter, page: page, perPage: 100, in: ctx)
        let model = AuditSearchView.Model(query: query, page: result.page, masked: !ctx.user.can(.viewFullIdentity), names: result.names,
                                          choices: try await AuditService.choices(in: ctx))
        return .html(AuditSearchView.render(model, chrome: req.chrome))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try req.context
        let (filter, _) = try await decode(req, in: ctx)
        let (records, names) = try await AuditService.export(filter, in: ctx)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: AuditSearchView.csv(records, masked: !ctx.user.can(.viewFullIdentity), names: names)))
    }

    /// The filter from the query string; a bad value is refused naming it.
    static func decode(_ req: Request, in ctx: ServiceContext) async throws -> (AuditQuery.Filter, [String: String]) {
        var query: [String: String] = [:]
        for k in keys { if let v = req.query[String.self, at: k]?.trimmingCharacters(in: .whitespaces), !v.isEmpty { query[k] = v } }
        func day(_ key: String, plus: Int = 0) throws -> Date? {
            guard let text = query[key] else { return nil }
            let d: LocalDate
            switch EventDate.parse(text, field: key, label: "参数\(key)", today: req.today) {
            case .success(let day): d = day
            case .failure(let r): throw Refused(.badRequest, r.chinese, r.english, field: key)
            }
            var c = DateComponents(); c.year = d.year; c.month = d.month; c.day = d.day + plus
            var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            return cal.date(from: c)
        }
        var area: AreaCode?
        if let a = query["area"] { area = try await AuditService.area(named: a, in: ctx) }
        if let e = query["entity"], AuditEntity(rawValue: e) == nil {
            throw Refused(.badRequest, "参数entity（对象类型）无效：\(e)", "entity: unknown kind '\(e)'", field: "entity")
        }
        return (AuditQuery.Filter(actor: query["actor"], area: area, entity: query["entity"], entityID: query["entity_id"],
                                  action: query["action"], from: try day("from"), to: try day("to", plus: 1)), query)
    }
}
