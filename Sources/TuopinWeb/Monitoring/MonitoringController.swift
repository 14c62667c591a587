import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// 防返贫监测 — the monitoring list of an area, and hardships recorded on the household page.
enum MonitoringController {
    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        let code = try req.areaCode()
        guard viewer.scope.includes(code) else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let standards = req.application.webSettings.standards
        guard let year = try req.standardsYear() ?? standards.lines.keys.max() else {
            throw Abort(.badRequest, reason: "扶贫标准文件没有贫困线 / the standards file has no poverty line")
        }
        let lineage = try await AreaStore.lineage(code, on: req.db)
        guard let area = lineage.last, area.code == code else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let listing = try await MonitoringStore.list(area: code, year: year, standards: standards, on: req.db)
        let names = try await AreaStore.names(of: Array(Set(listing.flagged.prefix(MonitoringView.shownRows).map(\.villageCode))), on: req.db)
        return .html(MonitoringView.render(area: area, lineage: lineage, year: year, years: standards.lines.keys.sorted(), listing: listing,
                                           names: names, standards: standards, chrome: req.chrome))
    }

    /// 登记突发困难 — from the household page.
    @Sendable static func recordHardship(req: Request) async throws -> Response {
        let viewer = try req.require(.runProcedures)
        let id = try req.householdID()
        let detail = try await HouseholdController.query(id: id, scope: viewer.scope, on: req.db)
        func text(_ key: String) -> String { ((try? req.content.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespaces) }
        var faults: [String] = []
        let kind = Hardship.Kind(rawValue: text("kind"))
        if kind == nil { faults.append("风险类型：请选择 / kind: choose one") }
        let date = LocalDate(iso: text("occurred_on"))
        if date == nil { faults.append("发生日期“\(text("occurred_on"))”应为 YYYY-MM-DD / occurred_on must be a date YYYY-MM-DD") }
        if let d = date, d > req.today { faults.append("发生日期不能晚于今天 / occurred_on is in the future") }
        var cost: Money?
        switch Money.parse(yuan: text("cost")) {
        case .success(let m): cost = m
        case .failure: faults.append("支出或损失“\(text("cost"))”应为元，最多两位小数 / cost must be yuan with at most 2 decimals")
        }
        let note = text("note")
        if note.isEmpty { faults.append("说明：请写明情况 / note: describe what happened") }
        guard faults.isEmpty, let kind, let date, let cost else {
            let draft = HouseholdMonitoringSection.Draft(kind: text("kind"), occurredOn: text("occurred_on"), cost: text("cost"),
                                                         note: note, faults: faults)
            return try await HouseholdController.page(req: req, hardshipDraft: draft, status: .unprocessableEntity)
        }
        try await MonitoringStore.record(Hardship(kind: kind, occurredOn: date, cost: cost, note: note), householdID: id,
                                         areaCode: detail.household.villageCode, actor: viewer.user, ip: req.clientIP, now: Date(), on: req.db)
        return req.redirect(to: "/households/\(id)#monitoring")
    }
}
