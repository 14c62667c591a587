import Foundation
import TuopinDomain
import TuopinServices
import Vapor

/// Download of an area's registry in the exchange format (personal data: the permission is checked and
/// the export recorded by `ExportService`).
enum ExportController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("areas", ":code", "export", ":format", use: download)
    }

    @Sendable static func download(req: Request) async throws -> Response {
        let code = try req.areaCode()
        let format = req.parameters.get("format") ?? ""
        guard format == "csv" || format == "xlsx" else { throw Refused.notFound("只能导出 csv 或 xlsx", "only csv or xlsx") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-export-\(UUID().uuidString).\(format)")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await ExportService.registry(area: code, to: file, in: try req.context)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"registry-\(code.prefix).\(format)\"")
        return Response(status: .ok, headers: headers, body: .init(data: try Data(contentsOf: file)))
    }
}
