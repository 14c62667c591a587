import TuopinServices
import Vapor

/// 贫困村登记 edited on the village page: 户籍人口, 贫困村, 出列年度 — kept by the county office.
enum VillageProfileController {
    static func register(_ routes: any RoutesBuilder) {
        routes.post("areas", ":code", "profile", use: save)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let code = try req.areaCode()
        try await VillageService.saveProfile(code, population: req.formText("registered_population"), poorVillage: req.formText("poor_village"),
                                             exitYear: req.formText("exit_year"), reason: req.formText("reason"), in: try req.context)
        return req.redirect(to: "/areas/\(code.value)")
    }
}
