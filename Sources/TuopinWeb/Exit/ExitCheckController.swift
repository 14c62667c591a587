import Foundation
import TuopinDomain
import TuopinServices
import Vapor

/// 逐户脱贫标准核验 — the exit test over every household under an area, summed by the areas one level down,
/// and the households behind each count.
enum ExitCheckController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("areas", ":code", "exit", use: show)
        routes.get("areas", ":code", "verdicts", use: households)
        routes.get("areas", ":code", "verdicts.csv", use: csv)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let p = try await ExitService.page(try req.areaCode(), year: try req.yearParameter(), in: try req.context)
        return .html(ExitCheckView.render(area: p.lineage.last, lineage: p.lineage, year: p.tally.year, total: p.tally.total, byChild: p.tally.byArea,
                                          names: p.names, chrome: req.chrome))
    }

    @Sendable static func households(req: Request) async throws -> Response {
        let ctx = try req.context
        let code = try req.areaCode()
        let (which, filter) = try verdictQuery(req)
        let (year, page) = try await ExitService.households(code, year: try req.yearParameter(), households: which, filter: filter,
                                                            page: try req.wholeNumber("page", in: 1...1_000_000) ?? 1, perPage: 100, in: ctx)
        let (lineage, _) = try await AreaService.node(code, in: ctx)
        let names = try await AreaService.names(of: Array(Set(page.items.map(\.villageCode))), in: ctx)
        let model = VerdictListView.Model(area: lineage.last ?? Area(code: code, name: code.value), lineage: lineage, year: year, households: which,
                                          filter: filter, page: page, names: names, canExport: ctx.user.can(.exportPersonalData))
        return .html(VerdictListView.render(model, chrome: req.chrome))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try req.context
        let code = try req.areaCode()
        let (which, filter) = try verdictQuery(req)
        guard let year = try req.yearParameter() else { throw Refused(.badRequest, "请给出年度", "the year is missing", field: "year") }
        let rows = try await ExitService.export(code, year: year, households: which, filter: filter, in: ctx)
        let names = try await AreaService.names(of: Array(Set(rows.map(\.villageCode))), in: ctx)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"households-\(code.prefix)-\(year).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: VerdictListView.csv(rows, names: names)))
    }

    /// Which households and which verdicts a list asks for; a bad value is refused naming the parameter.
    static func verdictQuery(_ req: Request) throws -> (ExitService.Households, VerdictFilter) {
        func value<T: RawRepresentable>(_ key: String, _ type: T.Type) throws -> T? where T.RawValue == String {
            guard let raw = req.query[String.self, at: key], !raw.isEmpty else { return nil }
            guard let v = T(rawValue: raw) else { throw Refused(.badRequest, "参数\(key)的值“\(raw)”无效", "parameter \(key) has an invalid value '\(raw)'", field: key) }
            return v
        }
        let which = try value("households", ExitService.Households.self) ?? .all
        let filter = VerdictFilter(outcome: try value("outcome", VerdictFilter.Outcome.self), item: try value("item", ChecklistItem.self),
                                   income: try value("income", VerdictFilter.Income.self), only: req.query[String.self, at: "only"] == "1")
        return (which, filter)
    }
}
