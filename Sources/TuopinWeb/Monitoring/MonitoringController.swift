import TuopinDomain
import TuopinServices
import Vapor

/// 防返贫监测 — the monitoring list of an area, and hardships recorded on the household page.
enum MonitoringController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("areas", ":code", "monitoring", use: show)
        routes.post("households", ":id", "hardships", use: recordHardship)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try req.context
        let p = try await MonitoringService.page(try req.areaCode(), year: try req.yearParameter(), in: ctx)
        var category: MonitoringCategory?
        if let raw = req.query[String.self, at: "category"], !raw.isEmpty {
            guard let c = MonitoringCategory(rawValue: raw) else {
                throw Refused(.badRequest, "参数category的值“\(raw)”无效", "parameter category has an invalid value '\(raw)'", field: "category")
            }
            category = c
        }
        let model = MonitoringView.Model(area: p.area, lineage: p.lineage, year: p.year, years: ctx.standards.lines.keys.sorted(), listing: p.listing,
                                         names: p.names, standards: ctx.standards, category: category,
                                         page: try req.wholeNumber("page", in: 1...1_000_000) ?? 1)
        return .html(MonitoringView.render(model, chrome: req.chrome))
    }

    /// 登记突发困难 — from the household page; a rejected form comes back on that page with what was typed.
    @Sendable static func recordHardship(req: Request) async throws -> Response {
        let id = try req.householdID()
        let form = MonitoringService.HardshipForm(kind: req.formText("kind"), occurredOn: req.formText("occurred_on"), cost: req.formText("cost"),
                                                  note: req.formText("note"))
        switch try await MonitoringService.recordHardship(id, form, in: try req.context) {
        case .done: return req.redirect(to: "/households/\(id)#monitoring")
        case .rejected(let r):
            let faults = MonitoringService.hardshipFields.compactMap { r.faults[$0] } + (r.message.map { [$0] } ?? [])
            let draft = HouseholdMonitoringSection.Draft(kind: form.kind, occurredOn: form.occurredOn, cost: form.cost, note: form.note, faults: faults)
            return try await HouseholdController.page(req: req, hardshipDraft: draft, status: HTTPStatus(statusCode: r.kind.httpStatus))
        }
    }
}
