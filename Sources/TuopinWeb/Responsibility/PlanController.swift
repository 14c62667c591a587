import TuopinDomain
import TuopinServices
import Vapor

/// 帮扶行动计划 and 帮扶责任人 on the household page: add a measure, move one on; pair the household with a cadre.
enum PlanController {
    static func register(_ routes: any RoutesBuilder) {
        routes.post("households", ":id", "plan", use: add)
        routes.post("households", ":id", "plan", ":measure", use: update)
        routes.post("households", ":id", "helper", use: pair)
        routes.get("areas", ":code", "plan", use: areaPlan)
    }

    /// 脱贫计划方案与工作进度表 of an area; this year by default.
    @Sendable static func areaPlan(req: Request) async throws -> Response {
        let ctx = try req.context
        let year = try req.yearParameter() ?? ctx.today.year
        let plan = try await ResponsibilityService.areaPlan(area: try req.areaCode(), year: year, in: ctx)
        return .html(AreaPlanView.render(plan, chrome: req.chrome))
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let id: Household.ID = try req.householdID()
        let form = ["kind", "content", "planned_date", "expected_income"].reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let measure = ResponsibilityService.MeasureForm(kind: form["kind"]!, content: form["content"]!, plannedDate: form["planned_date"]!,
                                                        expectedIncome: form["expected_income"]!)
        switch try await ResponsibilityService.addMeasure(to: id, measure, in: try req.context) {
        case .done: return req.redirect(to: "/households/\(id.rawValue)#plan")
        case .rejected(let r):
            return try await HouseholdController.page(req: req, planDraft: .init(form: form, faults: r.faults), status: .unprocessableEntity)
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let id: Household.ID = try req.householdID()
        let measure: PlanMeasure.ID = try req.pathID("measure", or: Refused.notFound("没有这项措施", "no such measure"))
        try await ResponsibilityService.setMeasure(measure, of: id, to: req.formText("status"), in: try req.context)
        return req.redirect(to: "/households/\(id.rawValue)#plan")
    }

    @Sendable static func pair(req: Request) async throws -> Response {
        let id: Household.ID = try req.householdID()
        let form = ["phone", "start", "reason"].reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        switch try await ResponsibilityService.pair(id, phone: form["phone"]!, start: form["start"]!, reason: form["reason"]!, in: try req.context) {
        case .done: return req.redirect(to: "/households/\(id.rawValue)")
        case .rejected(let r):
            return try await HouseholdController.page(req: req, helperDraft: .init(form: form, faults: r.faults), status: .unprocessableEntity)
        }
    }
}
