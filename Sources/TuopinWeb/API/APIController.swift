import Fluent
import TuopinDomain
import TuopinStore
import Vapor

/// The same reads as the pages, as JSON under /api/v1/.
enum APIController {
    struct AreaJSON: Content {
        var code: String
        var name: String
        var level: String
        var counts: AreaCounts
        var children: [AreaJSON]?

        init(_ node: AreaNode, depth: Int) {
            code = node.area.code.value
            name = node.area.name
            level = node.area.level.key
            counts = node.counts
            children = depth > 0 ? node.children.map { AreaJSON($0, depth: depth - 1) } : nil
        }
    }

    struct HouseholdPageJSON: Content {
        var total: Int
        var page: Int
        var perPage: Int
        var items: [HouseholdSummary]
    }

    struct HouseholdJSON: Content {
        var id: Int64
        var version: Int
        var villageName: String?
        var household: Household
        var perCapitaIncome: [String: String]
    }

    @Sendable static func areas(req: Request) async throws -> [AreaJSON] {
        try await AreaSummaryQuery.tree(on: req.db).map { AreaJSON($0, depth: 3) }
    }

    @Sendable static func area(req: Request) async throws -> AreaJSON {
        let code = try req.areaCode()
        guard let area = try await AreaStore.find(code, on: req.db) else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let node = try await AreaSummaryQuery.summary(of: code, on: req.db) ?? AreaNode(area: area, counts: AreaCounts())
        return AreaJSON(AreaNode(area: area, counts: node.counts, children: node.children), depth: 1)
    }

    @Sendable static func households(req: Request) async throws -> HouseholdPageJSON {
        let code = try req.areaCode()
        let (filter, page, per) = try req.householdFilter(area: code)
        let result = try await HouseholdListQuery.page(filter, page: page, perPage: per, on: req.db)
        return HouseholdPageJSON(total: result.total, page: result.page, perPage: result.perPage,
                                 items: result.items.map { var s = $0; s.headIDNumber = s.headIDNumber.map(IDMask.mask); return s })
    }

    @Sendable static func household(req: Request) async throws -> HouseholdJSON {
        let d = try await HouseholdController.query(id: try req.householdID(), on: req.db)
        var per: [String: String] = [:]
        for i in d.household.incomes { per[String(i.year)] = i.perCapita(memberCount: d.household.members.count)?.plainYuan }
        return HouseholdJSON(id: d.id, version: d.version, villageName: d.villageName, household: d.household, perCapitaIncome: per)
    }
}
