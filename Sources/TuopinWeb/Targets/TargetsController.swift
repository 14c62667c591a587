import TuopinDomain
import TuopinServices
import Vapor

/// 挂图作战 — an area's yearly plan against progress; the county office sets the plans.
enum TargetsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("areas", ":code", "targets", use: show)
        routes.post("areas", ":code", "targets", use: save)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try req.context
        let progress = try await TargetService.progress(try req.areaCode(), year: try req.yearParameter(), in: ctx)
        var m = model(progress, req, ctx)
        m.notice = try req.wholeNumber("saved", in: 0...1_000_000).map { "已保存：\($0) 条计划有变化 / saved: \($0) plans changed" }
        return .html(TargetsView.render(m, chrome: req.chrome))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let ctx = try req.context
        let progress = try await TargetService.progress(try req.areaCode(), year: try req.yearParameter(), in: ctx)
        let posted = ((try? req.content.decode([String: String].self)) ?? [:]).filter { $0.key != "_csrf" }
            .mapValues { $0.trimmingCharacters(in: .whitespaces) }
        let areas = [progress.total.area] + progress.parts.map(\.area).filter { $0 != progress.area.code }
        var lines: [AreaCode: [String]] = [:]
        for code in areas { lines[code] = ["h", "p", "v", "y"].map { posted["\($0)_\(code.value)"] ?? "" } }
        switch try await TargetService.plan(progress.area.code, year: progress.year, lines: lines, reason: posted["reason"] ?? "", in: ctx) {
        case .done(let changed):
            return req.redirect(to: "/areas/\(progress.area.code.value)/targets?year=\(progress.year)&saved=\(changed)")
        case .rejected(let r):
            var m = model(progress, req, ctx)
            m.form = posted
            m.faults = r.faults
            return .html(TargetsView.render(m, chrome: req.chrome), rejected: r.kind)
        }
    }

    static func model(_ p: TargetService.Progress, _ req: Request, _ ctx: ServiceContext) -> TargetsView.Model {
        TargetsView.Model(area: p.area, lineage: p.lineage, year: p.year, years: ctx.standards.lines.keys.sorted(), total: p.total, parts: p.parts,
                          names: p.names, canPlan: ctx.user.can(.planTargets), csrf: req.viewer?.csrfToken ?? "")
    }
}
