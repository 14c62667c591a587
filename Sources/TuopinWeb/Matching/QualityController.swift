import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import Vapor

/// 数据质量: the validation rules' findings for an area (page, CSV, JSON); the area pages show the count.
enum QualityController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("quality", use: page)
        routes.get("quality.csv", use: csv)
        routes.get("api", "v1", "quality", use: json)
    }

    static func area(_ req: Request) throws -> AreaCode? {
        guard let text = try? req.query.get(String.self, at: "area"), !text.isEmpty else { return nil }
        guard [6, 9, 12].contains(text.count), text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else {
            throw Refused(.badRequest, "area 应为6、9或12位区划代码", "area must be a 6-, 9- or 12-digit code", field: "area")
        }
        // A code of the right shape that names no area in sight looks like one that does not exist.
        guard let code = AreaCode(text), [.county, .township, .village].contains(code.level) else { throw Refused.notFound("没有这个区划：\(text)", "no such area: \(text)") }
        return code
    }

    /// The area's report, kept until the registry changes (the area pages read its count on every view).
    static func report(_ req: Request, area: AreaCode?) async throws -> MatchService.Quality {
        let ctx = try req.context
        let resolved = try area ?? ctx.area(nil) ?? ctx.user.area
        guard let resolved else { throw Refused(.badRequest, "请指定区划（area）", "name the area", field: "area") }
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: resolved)
        return try await req.current("quality:\(resolved.value)") { try await MatchService.quality(area: resolved, in: ctx) }
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let q = try await report(req, area: try area(req))
        let ctx = try req.context
        let names = try await AreaStore.names(of: Array(Set(q.findings.map(\.village))) + [q.area], on: ctx.db)
        return .html(QualityView.render(q, areaName: names[q.area] ?? q.area.value, villageNames: names, chrome: req.chrome))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let q = try await report(req, area: try area(req))
        return .csv(q.table, filename: "quality-\(q.area.value).csv")
    }

    struct QualityJSON: Content {
        var areaCode: String, households: Int, flagged: Int
        var counts: [String: Int]
        var findings: [Item]
        struct Item: Content {
            var householdNumber: String, villageCode: String, rule: String, member: String, explanation: String
        }
    }

    @Sendable static func json(req: Request) async throws -> QualityJSON {
        if (try? req.query.get(String.self, at: "area")) == "" { throw Refused(.badRequest, "参数area不能为空", "parameter area must not be empty", field: "area") }
        let q = try await report(req, area: try area(req))
        return QualityJSON(areaCode: q.area.value, households: q.households, flagged: q.flagged,
                           counts: Dictionary(uniqueKeysWithValues: DataQualityCheck.Rule.allCases.filter { $0 != .elsewhere }.map { ($0.rawValue, q.byRule[$0] ?? 0) }),
                           findings: q.findings.map { .init(householdNumber: $0.number, villageCode: $0.village.value, rule: $0.rule.rawValue, member: $0.member,
                                                            explanation: $0.explanation) })
    }
}
