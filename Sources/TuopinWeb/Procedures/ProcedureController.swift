import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// 程序办理 — starting a procedure for a household, taking its steps, objections to its postings.
enum ProcedureController {
    @Sendable static func start(req: Request) async throws -> Response {
        let viewer = try req.require(.runProcedures)
        let id = try req.householdID()
        guard let kind = ProcedureKind(rawValue: try text(req, "kind")) else {
            throw Abort(.unprocessableEntity, reason: "程序类型无效 / unknown procedure kind")
        }
        _ = try await ProcedureStore.start(kind, householdID: id, actor: viewer.user, ip: req.clientIP,
                                           postingDays: req.application.webSettings.standards.postingDays, now: Date(), on: req.db)
        return req.redirect(to: "/households/\(id)#procedures")
    }

    @Sendable static func step(req: Request) async throws -> Response {
        let viewer = try req.require(.runProcedures)
        let id = try procedureID(req)
        guard let step = ProcedureStep(rawValue: try text(req, "step")) else { throw Abort(.unprocessableEntity, reason: "步骤无效 / unknown step") }
        let date = try self.date(req)
        let note = try text(req, "note")
        try await ProcedureStore.take(step, procedureID: id, on: date, note: note.isEmpty ? nil : note, actor: viewer.user, ip: req.clientIP,
                                      standards: req.application.webSettings.standards, now: Date(), on: req.db)
        return try await back(req, procedureID: id)
    }

    @Sendable static func object(req: Request) async throws -> Response {
        let viewer = try req.require(.runProcedures)
        let id = try procedureID(req)
        let objection = try text(req, "text")
        guard !objection.isEmpty else { throw Abort(.unprocessableEntity, reason: "请写明异议内容 / write the objection") }
        let date = try self.date(req)
        try await ProcedureStore.object(procedureID: id, text: objection, on: date, actor: viewer.user, ip: req.clientIP, now: Date(), on: req.db)
        return try await back(req, procedureID: id)
    }

    @Sendable static func resolve(req: Request) async throws -> Response {
        let viewer = try req.require(.runProcedures)
        let id = try procedureID(req)
        guard let index = req.parameters.get("n").flatMap(Int.init) else { throw Abort(.notFound, reason: "没有这条异议 / no such objection") }
        let resolution = try text(req, "resolution")
        guard !resolution.isEmpty else { throw Abort(.unprocessableEntity, reason: "请写明处理结果 / write how the objection was resolved") }
        let date = try self.date(req)
        try await ProcedureStore.resolve(procedureID: id, objection: index, resolution: resolution, on: date, actor: viewer.user,
                                         ip: req.clientIP, now: Date(), on: req.db)
        return try await back(req, procedureID: id)
    }

    private static func text(_ req: Request, _ key: String) throws -> String {
        ((try? req.content.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespaces)
    }

    private static func date(_ req: Request) throws -> LocalDate {
        let raw = try text(req, "date")
        guard let d = LocalDate(iso: raw) else { throw Abort(.unprocessableEntity, reason: "日期“\(raw)”应为 YYYY-MM-DD / the date must be YYYY-MM-DD") }
        guard d <= req.today else { throw Abort(.unprocessableEntity, reason: "日期\(d)晚于今天 / the date \(d) is in the future") }
        return d
    }

    private static func procedureID(_ req: Request) throws -> Int64 {
        guard let id = req.parameters.get("id").flatMap(Int64.init) else { throw Abort(.notFound, reason: "没有这个程序 / no such procedure") }
        return id
    }

    /// Back to the household page (or its village when the household was removed).
    private static func back(_ req: Request, procedureID: Int64) async throws -> Response {
        let row = try await ProcedureStore.household(of: procedureID, on: req.db)
        if let hid = row.householdID { return req.redirect(to: "/households/\(hid)#procedures") }
        return req.redirect(to: "/areas/\(row.villageCode.value)")
    }
}
