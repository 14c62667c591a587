import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore
import Vapor

/// 贫困村登记 edited on the village page: 户籍人口, 贫困村, 出列年度 — checked by the village file's rules,
/// written with an audit record. The county office (plan_targets) keeps these figures.
enum VillageProfileController {
    @Sendable static func save(req: Request) async throws -> Response {
        let viewer = try req.require(.planTargets)
        let code = try req.areaCode()
        guard code.level == .village, viewer.scope.includes(code) else { throw Abort(.notFound, reason: "没有这个村 / no such village: \(code.value)") }
        func text(_ key: String) -> String { ((try? req.content.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespaces) }
        let reason = text("reason")
        guard !reason.isEmpty else { throw Abort(.unprocessableEntity, reason: "请写明修改原因 / give the reason for the change") }
        var source = ArrayRowSource([
            SourceRow(number: 1, cells: ["村代码", "户籍人口", "贫困村", "出列年度"]),
            SourceRow(number: 2, cells: [code.value, text("registered_population"), text("poor_village"), text("exit_year")]),
        ])
        let read = VillageFileReader.read(&source, county: nil)
        guard !read.hasErrors, let profile = read.villages.first else {
            let faults = read.issues.map { "\($0.column)“\($0.value)”：\($0.message)" }.joined(separator: "；")
            throw Abort(.unprocessableEntity, reason: "村级信息未保存 / the village profile was not saved：\(faults)")
        }
        try await VillageStore.apply([profile], actor: viewer.user.username, actorRole: viewer.user.role.rawValue, ip: req.clientIP,
                                     reason: reason, now: Date(), on: req.db)
        return req.redirect(to: "/areas/\(code.value)")
    }
}
