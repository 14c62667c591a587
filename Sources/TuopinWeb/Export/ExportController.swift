import Fluent
import Foundation
import TuopinDomain
import TuopinStore
import Vapor

/// Download of an area's registry in the exchange format (personal data): needs the permission,
/// stays within the viewer's scope, and is logged.
enum ExportController {
    @Sendable static func download(req: Request) async throws -> Response {
        let viewer = try req.require(.exportPersonalData)
        let code = try req.areaCode()
        guard viewer.scope.includes(code) else { throw Abort(.notFound, reason: "没有这个区划 / no such area: \(code.value)") }
        let format = req.parameters.get("format") ?? "csv"
        guard format == "csv" || format == "xlsx" else { throw Abort(.notFound, reason: "只能导出 csv 或 xlsx / only csv or xlsx") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-export-\(UUID().uuidString).\(format)")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try await RegistryExport.write(area: code, to: file, on: req.db)
        try await req.db.transaction { tx in
            try await AuditTrail.append(.init(actor: viewer.user.username, actorRole: viewer.user.role.rawValue, ip: req.clientIP,
                                              action: "registry.export", entity: "area", entityID: code.value, areaCode: code.value,
                                              after: AuditTrail.json(["households": String(outcome.households), "persons": String(outcome.members), "format": format]),
                                              reason: "导出含个人信息的建档立卡数据 / export of personal data", at: Date()), on: tx)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"registry-\(code.prefix).\(format)\"")
        return Response(status: .ok, headers: headers, body: .init(data: try Data(contentsOf: file)))
    }
}
