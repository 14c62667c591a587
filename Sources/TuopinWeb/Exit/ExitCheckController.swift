import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// 逐户脱贫标准核验 — the exit test over every household under an area, summed by the areas one level down.
enum ExitCheckController {
    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let code = try req.areaCode()
        guard viewer.scope.includes(code) else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let standards = req.application.webSettings.standards
        guard let year = try req.standardsYear() ?? standards.lines.keys.max() else {
            throw Abort(.badRequest, reason: "扶贫标准文件没有贫困线 / the standards file has no poverty line")
        }
        let lineage = try await AreaStore.lineage(code, on: req.db)
        let childLevel = AreaLevel(rawValue: min(code.level.rawValue + 1, AreaLevel.village.rawValue))!
        var total = ExitTally()
        var byChild: [AreaCode: ExitTally] = [:]
        try await HouseholdScan.forEach(area: code, incomeYears: [year], on: req.db) { window in
            for s in window {
                let v = HouseholdExitTest.evaluate(s.household, year: year, standard: standards)
                total.add(v, persons: s.household.members.count)
                byChild[s.household.villageCode.ancestor(at: childLevel)!, default: ExitTally()].add(v, persons: s.household.members.count)
            }
        }
        let names = try await AreaStore.names(of: Array(byChild.keys), on: req.db)
        return .html(ExitCheckView.render(area: lineage.last, lineage: lineage, year: year, total: total, byChild: byChild, names: names,
                                          chrome: req.chrome))
    }
}
