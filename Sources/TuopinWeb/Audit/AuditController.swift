import Fluent
import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// 痕迹查询 for county offices, inspectors and administrators; the CSV export is itself logged.
enum AuditController {
    static let keys = ["actor", "area", "entity", "entity_id", "action", "from", "to"]

    @Sendable static func index(req: Request) async throws -> Response {
        let viewer = try req.require(.viewAudit)
        let (filter, query) = try decode(req)
        let page = req.query[String.self, at: "page"].map { Int($0) } ?? 1
        guard let page, page >= 1 else { throw Abort(.badRequest, reason: "参数page应为正整数 / parameter page must be a positive whole number") }
        let result = try await AuditQuery.search(filter, scope: viewer.scope, page: page, perPage: 100, on: req.db)
        return .html(AuditSearchView.render(.init(query: query, page: result), chrome: req.chrome))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let viewer = try req.require(.viewAudit)
        let (filter, _) = try decode(req)
        let result = try await AuditQuery.search(filter, scope: viewer.scope, page: 1, perPage: 100_000, on: req.db)
        try await req.db.transaction { tx in
            try await AuditTrail.append(.init(actor: viewer.user.username, actorRole: viewer.user.role.rawValue, ip: req.clientIP,
                                              action: "audit.export", entity: "audit", areaCode: viewer.user.area?.value,
                                              after: AuditTrail.json(["records": String(result.items.count)]), at: Date()), on: tx)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: AuditSearchView.csv(result.items)))
    }

    /// The filter from the query string; a bad value is refused naming it.
    static func decode(_ req: Request) throws -> (AuditQuery.Filter, [String: String]) {
        var query: [String: String] = [:]
        for k in keys { if let v = req.query[String.self, at: k]?.trimmingCharacters(in: .whitespaces), !v.isEmpty { query[k] = v } }
        func day(_ key: String, plus: Int = 0) throws -> Date? {
            guard let text = query[key] else { return nil }
            guard let d = LocalDate(iso: text) else { throw Abort(.badRequest, reason: "参数\(key)应为日期 YYYY-MM-DD / \(key) must be a date YYYY-MM-DD") }
            var c = DateComponents(); c.year = d.year; c.month = d.month; c.day = d.day + plus
            var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            return cal.date(from: c)
        }
        var area: AreaCode?
        if let a = query["area"] {
            guard let code = AreaCode(a) else { throw Abort(.badRequest, reason: "参数area应为6、9或12位区划代码 / area must be a 6-, 9- or 12-digit code") }
            area = code
        }
        return (AuditQuery.Filter(actor: query["actor"], area: area, entity: query["entity"], entityID: query["entity_id"],
                                  action: query["action"], from: try day("from"), to: try day("to", plus: 1)), query)
    }
}
