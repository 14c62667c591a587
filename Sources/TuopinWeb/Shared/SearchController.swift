import TuopinDomain
import TuopinServices
import TuopinStore
import Vapor

/// The header's search box: a 户编号 or ID number that names one household opens it; anything else lists the
/// matching households of the viewer's area.
enum SearchController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("search", use: search)
    }

    @Sendable static func search(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let home = try await AreaService.home(in: ctx)
        guard !q.isEmpty, let area = home else { return req.redirect(to: "/areas") }
        let found = try await AreaService.households(area, filter: HouseholdFilter(area: area, search: q), page: 1, perPage: 2, in: ctx)
        if found.total == 1, let only = found.items.first { return req.redirect(to: "/households/\(only.id)") }
        return req.redirect(to: "/areas/\(area.value)" + HTML.query([("q", q)]))
    }
}
