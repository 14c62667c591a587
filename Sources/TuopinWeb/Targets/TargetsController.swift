import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore
import Vapor

/// 挂图作战 — an area's yearly plan against progress; the county office sets the plans.
enum TargetsController {
    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.require(.readRegistry)
        return .html(TargetsView.render(try await model(req, viewer: viewer), chrome: req.chrome))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let viewer = try req.require(.planTargets)
        var m = try await model(req, viewer: viewer)
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        let form = posted.filter { $0.key != "_csrf" }.mapValues { $0.trimmingCharacters(in: .whitespaces) }
        // The form's lines become rows of a targets file, so the file's rules check them.
        let areas = [m.total.area] + m.parts.map(\.area).filter { $0 != m.area.code }
        var rows = [SourceRow(number: 1, cells: ["区划代码", "年度", "计划脱贫户数", "计划脱贫人数", "计划出列村数", "计划摘帽年度"])]
        var fieldOfRow: [Int: AreaCode] = [:]
        for code in areas {
            let cells = ["h", "p", "v", "y"].map { form["\($0)_\(code.value)"] ?? "" }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            fieldOfRow[rows.count + 1] = code
            rows.append(SourceRow(number: rows.count + 1, cells: [code.value, String(m.year)] + cells))
        }
        var source = ArrayRowSource(rows)
        let read = TargetFileReader.read(&source, county: m.area.code.level >= .county ? m.area.code.ancestor(at: .county) : nil)
        var faults: [String: String] = [:]
        let prefixes = ["计划脱贫户数": "h", "计划脱贫人数": "p", "计划出列村数": "v", "计划摘帽年度": "y"]
        for issue in read.issues where issue.severity == .error {
            if let row = issue.row, let code = fieldOfRow[row], let prefix = prefixes[issue.column] {
                faults["\(prefix)_\(code.value)"] = issue.message
            } else {
                faults["form"] = issue.message
            }
        }
        if (form["reason"] ?? "").isEmpty { faults["reason"] = "请写明原因 / give the reason" }
        if read.targets.isEmpty && faults.isEmpty { faults["form"] = "没有填写任何计划 / no plan was filled in" }
        guard faults.isEmpty else {
            m.form = form
            m.faults = faults
            return .html(TargetsView.render(m, chrome: req.chrome), status: .unprocessableEntity)
        }
        let changed = try await TargetStore.apply(read.targets, actor: viewer.user.username, actorRole: viewer.user.role.rawValue,
                                                  ip: req.clientIP, reason: form["reason"] ?? "", now: Date(), on: req.db)
        return req.redirect(to: "/areas/\(m.area.code.value)/targets?year=\(m.year)&saved=\(changed)")
    }

    static func model(_ req: Request, viewer: Viewer) async throws -> TargetsView.Model {
        let code = try req.areaCode()
        guard viewer.scope.includes(code), code.level < .village else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let standards = req.application.webSettings.standards
        guard let year = try req.standardsYear() ?? standards.lines.keys.max() else {
            throw Abort(.badRequest, reason: "扶贫标准文件没有贫困线 / the standards file has no poverty line")
        }
        let lineage = try await AreaStore.lineage(code, on: req.db)
        guard let area = lineage.last, area.code == code else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let (total, parts) = try await TargetStore.progress(of: code, year: year, standards: standards, on: req.db)
        let names = try await AreaStore.names(of: parts.map(\.area) + [code], on: req.db)
        let saved = req.query[Int.self, at: "saved"]
        return TargetsView.Model(area: area, lineage: lineage, year: year, years: standards.lines.keys.sorted(), total: total, parts: parts, names: names,
                                 canPlan: viewer.user.can(.planTargets), csrf: viewer.csrfToken ?? "",
                                 notice: saved.map { "已保存：\($0) 条计划有变化 / saved: \($0) plans changed" })
    }
}
