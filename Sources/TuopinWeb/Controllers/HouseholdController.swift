import Fluent
import TuopinDomain
import TuopinStore
import Vapor

/// The household page.
enum HouseholdController {
    @Sendable static func show(req: Request) async throws -> Response {
        let detail = try await query(id: try req.householdID(), on: req.db)
        let lineage = try await AreaStore.lineage(detail.household.villageCode, on: req.db)
        return .html(HouseholdShowView.render(.init(detail: detail, lineage: lineage, today: req.today)))
    }

    static func query(id: Int64, on db: any Database) async throws -> HouseholdDetail {
        guard let detail = try await HouseholdStore.find(id, on: db) else {
            throw Abort(.notFound, reason: "没有这一户 / no such household")
        }
        return detail
    }
}
